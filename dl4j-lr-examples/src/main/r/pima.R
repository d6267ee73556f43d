# Writes pima-768.csv.gz next to BenchmarkData from the copy in the R package mlbench (Debian: r-cran-mlbench), which
# carries it unchanged from the UCI repository: all 768 rows of "Pima Indians Diabetes" (National Institute of
# Diabetes and Digestive and Kidney Diseases, 1990):
#   the 8 numbers (pregnancies, glucose, blood pressure, skin fold, insulin, body mass index, pedigree, age) as mlbench
#   gives them, zeros for unrecorded values included, then the class as 0..1 (neg, pos)
#
#   Rscript pima.R
library(mlbench)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(PimaIndiansDiabetes)
d <- PimaIndiansDiabetes
features <- d[, setdiff(names(d), "diabetes")]
stopifnot(nrow(features) == 768, ncol(features) == 8, !anyNA(features))
write_bundle(features, as.integer(d$diabetes == "pos"), "pima-768.csv.gz")
