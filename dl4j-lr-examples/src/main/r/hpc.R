# Writes hpc-4331.csv.gz next to BenchmarkData from the copy in the R package modeldata (Debian: r-cran-modeldata,
# MIT licence): all 4331 rows of "hpc_data", the high-performance-computing job data of Kuhn and Johnson (2013),
# "Applied Predictive Modeling", Springer, used to predict how long a job runs:
#   5 numbers of a job (compounds, input fields, iterations, pending jobs, hour of the day), its protocol one-hot
#   encoded in modeldata's level order (14 indicators), the day of the week likewise (7), then the class as 0..3
#   (VF very fast, F fast, M moderate, L long)
#
#   Rscript hpc.R
library(modeldata)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(hpc_data)
features <- cbind(as.data.frame(hpc_data[, c("compounds", "input_fields", "iterations", "num_pending", "hour")]),
                  one_hot(hpc_data$protocol), one_hot(hpc_data$day))
write_bundle(features, as.integer(hpc_data$class) - 1L, "hpc-4331.csv.gz")
