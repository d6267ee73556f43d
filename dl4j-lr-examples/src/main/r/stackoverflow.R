# Writes stackoverflow-5594.csv.gz next to BenchmarkData from the copy in the R package modeldata (Debian:
# r-cran-modeldata, MIT licence): all 5594 rows of "stackoverflow", answers to the 2017 Stack Overflow developer survey
# from five countries:
#   the 19 numbers in modeldata's column order (salary, years coded at a job, open source, hobby, company size, career
#   satisfaction and 13 job-role indicators), then the country (5) one-hot in modeldata's level order, then the class
#   as 0..1 (not remote, remote)
#
#   Rscript stackoverflow.R
library(modeldata)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(stackoverflow)
d <- as.data.frame(stackoverflow)
features <- cbind(d[, sapply(d, is.numeric)], one_hot(d$Country))
stopifnot(nrow(features) == 5594, ncol(features) == 24, !anyNA(features))
write_bundle(features, as.integer(d$Remote == "Remote"), "stackoverflow-5594.csv.gz")
