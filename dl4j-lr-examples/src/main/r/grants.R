# Writes grants-8190.csv.gz next to BenchmarkData from the copy in the R package modeldata (Debian:
# r-cran-modeldata, MIT licence): all 8190 rows of "grants_other", Kuhn and Johnson's University of Melbourne grant
# applications (2005-2008):
#   the 168 numeric columns that are non-zero in at least 1% of the rows (counts of investigators by role, degree,
#   publications, ...), then contract_value_band, category_code, month and weekday one-hot (sponsor_code, with 298
#   levels, is left out), then the outcome as 0..1 (successful, unsuccessful)
#
#   Rscript grants.R
library(modeldata)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(grants)
d <- as.data.frame(grants_other)
num <- d[sapply(d, is.numeric)]
num <- num[sapply(num, function(v) mean(v != 0) >= 0.01)]
features <- cbind(num, one_hot(d$contract_value_band), one_hot(d$category_code), one_hot(d$month),
                  one_hot(d$weekday))
stopifnot(nrow(features) == 8190, ncol(features) == 168 + 17 + 14 + 12 + 7, !anyNA(features))
write_bundle(features, as.integer(d$class == "unsuccessful"), "grants-8190.csv.gz")
