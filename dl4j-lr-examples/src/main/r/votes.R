# Writes votes-435.csv.gz next to BenchmarkData from the copy in the R package mlbench (Debian: r-cran-mlbench), which
# carries it unchanged from the UCI repository: all 435 rows of "Congressional Voting Records" (J. Schlimmer, 1987),
# the 1984 votes of the US House of Representatives:
#   the 16 votes one-hot coded in mlbench's level order (n, y; a vote not cast leaves both 0), 32 indicators, then the
#   party as 0..1 (democrat, republican)
#
#   Rscript votes.R
library(mlbench)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(HouseVotes84)
d <- HouseVotes84
features <- do.call(cbind, lapply(paste0("V", 1:16), function(v) one_hot(d[[v]])))
stopifnot(nrow(features) == 435, ncol(features) == 32)
write_bundle(features, as.integer(d$Class == "republican"), "votes-435.csv.gz")
