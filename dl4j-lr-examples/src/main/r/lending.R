# Writes lending-9857.csv.gz next to BenchmarkData from the copy in the R package modeldata (Debian: r-cran-modeldata,
# MIT licence): all 9857 rows of "lending_club", Lending Club loans of the first quarter of 2016:
#   the 17 numbers in modeldata's column order (amount, interest rate, income, delinquencies, inquiries, utilisation,
#   instalment accounts and balances), then term (2), sub-grade (35), state (50), income verification (3) and
#   employment length (12) one-hot in modeldata's level order, then the class as 0..1 (good, bad)
#
#   Rscript lending.R
library(modeldata)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(lending_club)
d <- as.data.frame(lending_club)
factors <- names(d)[sapply(d, is.factor) & names(d) != "Class"]
features <- cbind(d[, sapply(d, is.numeric)], do.call(cbind, lapply(factors, function(f) one_hot(d[[f]]))))
stopifnot(nrow(features) == 9857, ncol(features) == 119, !anyNA(features))
write_bundle(features, as.integer(d$Class == "bad"), "lending-9857.csv.gz")
