# Writes sonar-208.csv.gz next to BenchmarkData from the copy in the R package mlbench (Debian: r-cran-mlbench), which
# carries it unchanged from the UCI repository: all 208 rows of "Connectionist Bench (Sonar, Mines vs. Rocks)"
# (R. Gorman, T. Sejnowski, 1988):
#   the 60 energies of a sonar return in frequency bands, then the object as 0..1 (M: a metal cylinder, R: a rock)
#
#   Rscript sonar.R
library(mlbench)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(Sonar)
d <- Sonar
features <- d[, setdiff(names(d), "Class")]
stopifnot(nrow(features) == 208, ncol(features) == 60, !anyNA(features))
write_bundle(features, as.integer(d$Class == "R"), "sonar-208.csv.gz")
