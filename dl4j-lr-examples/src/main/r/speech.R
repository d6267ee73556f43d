# Writes speech-252.csv.gz next to BenchmarkData from the copy in the R package modeldata (Debian: r-cran-modeldata,
# MIT licence; Sakar et al., 2019): all 252 people of "pd_speech", speech recordings of people with and without
# Parkinson's disease (each person's three recordings averaged):
#   the 751 numbers in modeldata's column order (sex, then the measures of the voice), then the class as 0..1
#   (control, PD)
#
#   Rscript speech.R
library(modeldata)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(pd_speech)
d <- as.data.frame(pd_speech)
features <- d[, sapply(d, is.numeric)]
stopifnot(nrow(features) == 252, ncol(features) == 751, !anyNA(features))
write_bundle(features, as.integer(d$class == "PD"), "speech-252.csv.gz")
