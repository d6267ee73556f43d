# Writes parabolic-500.csv.gz next to BenchmarkData from the copy in the R package modeldata (Debian:
# r-cran-modeldata, MIT licence): all 500 rows of "parabolic", simulated two-predictor data whose classes are split
# by a parabola:
#   the 2 numbers X1 and X2, then the class as 0..1 (Class1, Class2)
#
#   Rscript parabolic.R
library(modeldata)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(parabolic)
d <- as.data.frame(parabolic)
features <- d[, c("X1", "X2")]
stopifnot(nrow(features) == 500, ncol(features) == 2, !anyNA(features))
write_bundle(features, as.integer(d$class == "Class2"), "parabolic-500.csv.gz")
