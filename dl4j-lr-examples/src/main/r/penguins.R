# Writes penguins-333.csv.gz next to BenchmarkData from the copy in the R package modeldata (Debian: r-cran-modeldata,
# MIT licence; the Palmer penguins of K. Gorman, T. Williams and W. Fraser, CC0): the 333 penguins of "penguins" whose
# sex is recorded (the 11 others miss it, 2 of them every measurement):
#   bill length, bill depth, flipper length, body mass, then island (3) and sex (2) one-hot in modeldata's level order,
#   then the species as 0..2 (Adelie, Chinstrap, Gentoo)
#
#   Rscript penguins.R
library(modeldata)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(penguins)
d <- as.data.frame(penguins)
d <- d[!is.na(d$sex), ]
features <- cbind(d[, sapply(d, is.numeric)], one_hot(d$island), one_hot(d$sex))
stopifnot(nrow(features) == 333, ncol(features) == 9, !anyNA(features))
write_bundle(features, as.integer(d$species) - 1, "penguins-333.csv.gz")
