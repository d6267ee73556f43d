# Writes cytology-683.csv.gz next to BenchmarkData from the copy in the R package mlbench (Debian: r-cran-mlbench),
# which carries it unchanged from the UCI repository (CC BY 4.0): "Breast Cancer Wisconsin (Original)" (W. Wolberg,
# 1992), the 683 of its 699 rows without a missing value (16 lack bare nuclei). Not the diagnostic table the benchmarks
# call breast-cancer (other patients, other measures):
#   the 9 cytology scores 1..10 of a fine-needle aspirate (clump thickness, cell size and shape uniformity, marginal
#   adhesion, epithelial cell size, bare nuclei, bland chromatin, normal nucleoli, mitoses), then the class as 0..1
#   (benign, malignant)
#
#   Rscript cytology.R
library(mlbench)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(BreastCancer)
d <- BreastCancer[complete.cases(BreastCancer), ]
features <- sapply(d[, 2:10], function(f) as.integer(as.character(f)))
stopifnot(nrow(features) == 683, ncol(features) == 9, !anyNA(features))
write_bundle(features, as.integer(d$Class == "malignant"), "cytology-683.csv.gz")
