# Writes churn-5000.csv.gz next to BenchmarkData from the copy in the R package modeldata (Debian: r-cran-modeldata,
# MIT licence): all 5000 rows of "mlc_churn", a telecom customer churn table (originally distributed with the MLC++
# library):
#   15 numbers of an account (length, voice-mail messages, minutes, calls and charges by day, evening, night and
#   international, customer-service calls), its two plans as 0/1 (international, voice mail), its area code one-hot (3)
#   and its state one-hot (51), in modeldata's level order, then the class as 0..1 (stayed, churned)
#
#   Rscript churn.R
library(modeldata)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(mlc_churn)
d <- mlc_churn
numbers <- as.data.frame(d[, sapply(d, is.numeric)])
features <- cbind(numbers, as.integer(d$international_plan == "yes"), as.integer(d$voice_mail_plan == "yes"),
                  one_hot(d$area_code), one_hot(d$state))
write_bundle(features, as.integer(d$churn == "yes"), "churn-5000.csv.gz")
