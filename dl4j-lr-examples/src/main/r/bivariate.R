# Writes bivariate-2019.csv.gz next to BenchmarkData from the copy in the R package modeldata (Debian:
# r-cran-modeldata, MIT licence): all 2019 rows of "bivariate" (its training, validation and test parts, in that
# order), Kuhn and Johnson's second two-predictor example:
#   the 2 numbers A and B, then the class as 0..1 (One, Two)
#
#   Rscript bivariate.R
library(modeldata)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(bivariate)
d <- as.data.frame(rbind(bivariate_train, bivariate_val, bivariate_test))
features <- d[, c("A", "B")]
stopifnot(nrow(features) == 2019, ncol(features) == 2, !anyNA(features))
write_bundle(features, as.integer(d$Class == "Two"), "bivariate-2019.csv.gz")
