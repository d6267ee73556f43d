# Writes sacramento-932.csv.gz next to BenchmarkData from the copy in the R package modeldata (MIT; Debian:
# r-cran-modeldata) of the Sacramento real estate transactions (five days of May 2008): all 932 sales, a regression
# table:
#   beds, baths, square feet, the type (condo, multi-family, residential) one-hot, latitude and longitude, then the
#   sale price's log10 as the target
#
#   Rscript sacramento.R
library(modeldata)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(Sacramento)
d <- as.data.frame(Sacramento)
features <- cbind(d[, c("beds", "baths", "sqft")], one_hot(d$type), d[, c("latitude", "longitude")])
stopifnot(nrow(features) == 932, ncol(features) == 8, !anyNA(features))
write_bundle(features, log10(d$price), "sacramento-932.csv.gz")
