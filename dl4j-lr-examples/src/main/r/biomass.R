# Writes biomass-536.csv.gz next to BenchmarkData from the copy in the R package modeldata (MIT; Debian:
# r-cran-modeldata) of Ghugare et al.'s biomass data (2014): all 536 samples, a regression table:
#   the carbon, hydrogen, oxygen, nitrogen and sulfur percentages, then the higher heating value (MJ/kg) as the target
#
#   Rscript biomass.R
library(modeldata)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(biomass)
d <- biomass
features <- d[, c("carbon", "hydrogen", "oxygen", "nitrogen", "sulfur")]
stopifnot(nrow(features) == 536, ncol(features) == 5, !anyNA(d))
write_bundle(features, d$HHV, "biomass-536.csv.gz")
