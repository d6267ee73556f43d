# Writes diamonds-4000.csv.gz next to BenchmarkData from ggplot2's diamonds (Debian: r-cran-ggplot2, MIT licence;
# prices and attributes of 53940 round diamonds), 4000 of them drawn with seed 2026:
#   carat, depth, table, price, x, y, z, then color (7 grades) and clarity (8 grades) one-hot, then the cut as 0..4
#   (Fair, Good, Very Good, Premium, Ideal)
#
#   Rscript diamonds.R
library(ggplot2)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
set.seed(2026)
d <- as.data.frame(diamonds[sample(nrow(diamonds), 4000), ])
features <- cbind(d[, c("carat", "depth", "table", "price", "x", "y", "z")],
                  one_hot(factor(d$color, ordered = FALSE)), one_hot(factor(d$clarity, ordered = FALSE)))
stopifnot(nrow(features) == 4000, ncol(features) == 22, !anyNA(features))
write_bundle(features, as.integer(d$cut) - 1L, "diamonds-4000.csv.gz")
print(table(d$cut))
