# Writes attrition-1470.csv.gz next to BenchmarkData from the copy in the R package modeldata (Debian: r-cran-modeldata,
# MIT licence): all 1470 rows of "attrition", IBM Watson Analytics' fictional employee attrition sample:
#   the 16 whole numbers (age, daily, hourly and monthly rates, income, distance, job level, counts of companies,
#   salary hike, stock option level, working years, trainings, years at the company, in the role, since the last
#   promotion, with the manager), then the 7 ordered ratings as their level number (education, environment
#   satisfaction, job involvement, job satisfaction, performance, relationship satisfaction, work-life balance), then
#   business travel (3), department (3), education field (6), gender (2), job role (9), marital status (3) and overtime
#   (2) one-hot in modeldata's level order, then the class as 0..1 (stayed, left)
#
#   Rscript attrition.R
library(modeldata)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(attrition)
d <- as.data.frame(attrition)
numbers <- d[, sapply(d, is.numeric)]
ordered_ratings <- d[, sapply(d, is.ordered)]
ratings <- as.data.frame(lapply(ordered_ratings, as.integer))
factors <- names(d)[sapply(d, function(c) is.factor(c) && !is.ordered(c)) & names(d) != "Attrition"]
features <- cbind(numbers, ratings, do.call(cbind, lapply(factors, function(f) one_hot(d[[f]]))))
stopifnot(ncol(features) == 51, !anyNA(features))
write_bundle(features, as.integer(d$Attrition == "Yes"), "attrition-1470.csv.gz")
