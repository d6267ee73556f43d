# Writes alzheimer-333.csv.gz next to BenchmarkData from the copy in the R package modeldata (Debian: r-cran-modeldata,
# MIT licence; Craig-Schapiro et al., 2011): all 333 patients of "ad_data", a study of Alzheimer's disease markers:
#   the 129 numbers in modeldata's column order (protein levels, age, the tau and amyloid measures, an indicator of
#   male sex), then the apolipoprotein E genotype (6) one-hot in modeldata's level order, then the class as 0..1
#   (control, impaired)
#
#   Rscript alzheimer.R
library(modeldata)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(ad_data)
d <- as.data.frame(ad_data)
features <- cbind(d[, sapply(d, is.numeric)], one_hot(d$Genotype))
stopifnot(nrow(features) == 333, ncol(features) == 135, !anyNA(features))
write_bundle(features, as.integer(d$Class == "Impaired"), "alzheimer-333.csv.gz")
