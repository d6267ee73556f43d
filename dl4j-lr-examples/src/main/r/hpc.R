# Writes hpc-4331.csv.gz next to BenchmarkData from the copy in the R package modeldata (Debian: r-cran-modeldata,
# MIT licence): all 4331 rows of "hpc_data", the high-performance-computing job data of Kuhn and Johnson (2013),
# "Applied Predictive Modeling", Springer, used to predict how long a job runs:
#   5 numbers of a job (compounds, input fields, iterations, pending jobs, hour of the day), its protocol one-hot
#   encoded in modeldata's level order (14 indicators), the day of the week likewise (7), then the class as 0..3
#   (VF very fast, F fast, M moderate, L long)
#
#   Rscript hpc.R
library(modeldata)
out <- file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))),
                 "..", "resources", "io", "github", "dl4jlr", "examples", "data")
data(hpc_data)
one_hot <- function(f) sapply(levels(f), function(l) as.integer(f == l))
features <- cbind(as.data.frame(hpc_data[, c("compounds", "input_fields", "iterations", "num_pending", "hour")]),
                  one_hot(hpc_data$protocol), one_hot(hpc_data$day))
con <- gzfile(file.path(out, "hpc-4331.csv.gz"), "w")
write.table(cbind(features, as.integer(hpc_data$class) - 1L), con, sep = ",", row.names = FALSE, col.names = FALSE)
close(con)
