# Writes credit-4454.csv.gz next to BenchmarkData from the copy in the R package modeldata (Debian: r-cran-modeldata,
# MIT licence): all 4454 rows of "credit_data", a credit scoring table of a Spanish bank:
#   seniority, time, age, expenses, income, assets, debt, amount and price (a missing value written as the median of
#   its column), then one indicator per column with missing values (income: 381 rows, assets: 47, debt: 18), then home
#   (6), marital status (5), records (2) and job (4) one-hot in modeldata's level order (a missing level: all zeros),
#   then the class as 0..1 (good, bad)
#
#   Rscript credit.R
library(modeldata)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(credit_data)
d <- as.data.frame(credit_data)
numbers <- d[, sapply(d, is.numeric)]
missing <- as.data.frame(lapply(numbers[, colSums(is.na(numbers)) > 0], function(c) as.integer(is.na(c))))
numbers[] <- lapply(numbers, function(c) { c[is.na(c)] <- median(c, na.rm = TRUE); c })
factors <- c("Home", "Marital", "Records", "Job")
features <- cbind(numbers, missing, do.call(cbind, lapply(factors, function(f) one_hot(d[[f]]))))
stopifnot(ncol(features) == 29, !anyNA(features))
write_bundle(features, as.integer(d$Status == "bad"), "credit-4454.csv.gz")
