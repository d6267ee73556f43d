# Writes twoclass-791.csv.gz next to BenchmarkData from the copy in the R package modeldata (Debian: r-cran-modeldata,
# MIT licence): all 791 rows of "two_class_dat", Kuhn and Johnson's two-predictor example:
#   the 2 numbers A and B, then the class as 0..1 (Class1, Class2)
#
#   Rscript twoclass.R
library(modeldata)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(two_class_dat)
d <- as.data.frame(two_class_dat)
features <- d[, c("A", "B")]
stopifnot(nrow(features) == 791, ncol(features) == 2, !anyNA(features))
write_bundle(features, as.integer(d$Class == "Class2"), "twoclass-791.csv.gz")
