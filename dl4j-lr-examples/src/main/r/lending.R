# Writes lending-9857.csv.gz next to BenchmarkData from the copy in the R package modeldata (Debian: r-cran-modeldata,
# MIT licence): all 9857 rows of "lending_club", Lending Club loans of the first quarter of 2016:
#   the 17 numbers in modeldata's column order (amount, interest rate, income, delinquencies, inquiries, utilisation,
#   instalment accounts and balances), then term (2), sub-grade (35), state (50), income verification (3) and
#   employment length (12) one-hot in modeldata's level order, then the class as 0..1 (good, bad)
#
#   Rscript lending.R
library(modeldata)
out <- file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))),
                 "..", "resources", "io", "github", "dl4jlr", "examples", "data")
data(lending_club)
d <- as.data.frame(lending_club)
one_hot <- function(f) sapply(levels(f), function(l) as.integer(f == l))
factors <- names(d)[sapply(d, is.factor) & names(d) != "Class"]
features <- cbind(d[, sapply(d, is.numeric)], do.call(cbind, lapply(factors, function(f) one_hot(d[[f]]))))
stopifnot(nrow(features) == 9857, ncol(features) == 119, !anyNA(features))
con <- gzfile(file.path(out, "lending-9857.csv.gz"), "w")
write.table(cbind(features, as.integer(d$Class == "bad")), con, sep = ",", row.names = FALSE, col.names = FALSE)
close(con)
