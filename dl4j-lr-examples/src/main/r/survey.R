# Writes survey-4000.csv.gz next to BenchmarkData from forcats' gss_cat (Debian: r-cran-forcats, MIT licence; answers
# to the US General Social Survey, 2000-2014), 4000 of the 11294 answers with age, television hours and a marital
# status drawn with seed 2026:
#   year, age, tvhours, then race, reported income, party affiliation and religion one-hot (the columns that are not
#   constant in the sample), then the marital status as 0..4 (Never married, Separated, Divorced, Widowed, Married)
#
#   Rscript survey.R
library(forcats)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
d <- as.data.frame(gss_cat)
d <- d[complete.cases(d[, c("age", "tvhours")]) & d$marital != "No answer", ]
set.seed(2026)
d <- d[sample(nrow(d), 4000), ]
features <- cbind(d[, c("year", "age", "tvhours")], one_hot(d$race), one_hot(d$rincome), one_hot(d$partyid),
                  one_hot(d$relig))
features <- features[sapply(features, function(v) length(unique(v)) > 1)]
stopifnot(nrow(features) == 4000, !anyNA(features))
write_bundle(features, as.integer(droplevels(d$marital)) - 1L, "survey-4000.csv.gz")
print(ncol(features))
print(table(droplevels(d$marital)))
