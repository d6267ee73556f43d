# Writes simulated-3000.csv.gz next to BenchmarkData from modeldata's simulation of a two-class problem (Debian:
# r-cran-modeldata, MIT licence; sim_classification with its defaults, Kuhn's method from caret's twoClassSim):
# 3000 rows drawn with seed 2026:
#   its 15 predictors (2 interacting, 3 non-linear, 10 linear), then the class as 0..1 (class_1, class_2)
#
#   Rscript simulated.R
library(modeldata)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
set.seed(2026)
d <- as.data.frame(sim_classification(3000))
features <- d[, names(d) != "class"]
stopifnot(nrow(features) == 3000, ncol(features) == 15, !anyNA(features))
write_bundle(features, as.integer(d$class == "class_2"), "simulated-3000.csv.gz")
