# Writes chicago-5698.csv.gz next to BenchmarkData from the copy in the R package modeldata (MIT; Debian:
# r-cran-modeldata) of Kuhn and Johnson's Chicago L-train data: the daily entries at the Clark/Lake station, in
# thousands, from 2001-01-22 to 2016-08-28, one line a day in date order:
#   the day of the week (0 = Monday ... 6 = Sunday), then the entries
# BenchmarkData cuts the days into sequences for a recurrent network.
#
#   Rscript chicago.R
library(modeldata)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(Chicago)
d <- Chicago[order(Chicago$date), ]
stopifnot(nrow(d) == 5698, !anyNA(d$ridership), all(diff(d$date) == 1))
weekday <- (as.integer(format(d$date, "%u")) - 1)
write_bundle(data.frame(weekday = weekday), round(d$ridership, 4), "chicago-5698.csv.gz")
