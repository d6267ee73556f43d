# Writes german-1000.csv.gz next to BenchmarkData from the copy in the R package caret (Debian: r-cran-caret) of the
# UCI Statlog German credit data (H. Hofmann, 1994; CC BY 4.0), all 1000 loans, with caret's one-hot coding of its
# categories:
#   the 59 columns of "GermanCredit" but Class that are not constant (7 numbers, 52 indicators), then the class as
#   0..1 (Bad, Good)
#
#   Rscript german.R
library(caret)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(GermanCredit)
d <- GermanCredit
features <- d[, names(d) != "Class"]
features <- features[sapply(features, function(v) length(unique(v)) > 1)]
stopifnot(nrow(features) == 1000, ncol(features) == 59, !anyNA(features))
write_bundle(features, as.integer(d$Class == "Good"), "german-1000.csv.gz")
