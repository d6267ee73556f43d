# Writes concrete-1030.csv.gz next to BenchmarkData from the copy in the R package modeldata (MIT; Debian:
# r-cran-modeldata) of Yeh's concrete compressive strength data (UCI, 1998): all 1030 mixtures, a regression table:
#   the 8 numbers (cement, blast furnace slag, fly ash, water, superplasticizer, coarse and fine aggregate, age in
#   days), then the compressive strength (MPa) as the target
#
#   Rscript concrete.R
library(modeldata)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(concrete)
d <- as.data.frame(concrete)
features <- d[, setdiff(names(d), "compressive_strength")]
stopifnot(nrow(features) == 1030, ncol(features) == 8, !anyNA(d))
write_bundle(features, d$compressive_strength, "concrete-1030.csv.gz")
