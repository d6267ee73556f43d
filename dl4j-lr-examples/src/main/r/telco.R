# Writes telco-7043.csv.gz next to BenchmarkData from the copy in the R package modeldata (Debian: r-cran-modeldata,
# MIT licence): all 7043 rows of "wa_churn", IBM Watson Analytics' telco customer churn sample:
#   female, senior citizen, partner, dependents, tenure, phone service, paperless billing, monthly and total charges
#   (total charges is missing for the 11 customers with a tenure of 0 months, who have paid nothing yet: written as 0),
#   then multiple lines, internet service, online security, online backup, device protection, tech support, streaming
#   TV, streaming movies, contract (3 levels each) and payment method (4) one-hot, in modeldata's level order, then
#   the class as 0..1 (stayed, churned)
#
#   Rscript telco.R
library(modeldata)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(wa_churn)
d <- as.data.frame(wa_churn)
d$total_charges[is.na(d$total_charges)] <- 0
numbers <- d[, sapply(d, is.numeric)]
factors <- c("multiple_lines", "internet_service", "online_security", "online_backup", "device_protection",
             "tech_support", "streaming_tv", "streaming_movies", "contract", "payment_method")
features <- cbind(numbers, do.call(cbind, lapply(factors, function(f) one_hot(d[[f]]))))
write_bundle(features, as.integer(d$churn == "Yes"), "telco-7043.csv.gz")
