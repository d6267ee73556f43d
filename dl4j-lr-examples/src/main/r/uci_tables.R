# Writes the eleven UCI tables the benchmarks bundle next to BenchmarkData, from the copies in the R packages mlbench
# (Debian: r-cran-mlbench) and kernlab (r-cran-kernlab, for spambase and musk), which carry them unchanged from the UCI
# repository (CC BY 4.0):
#   letter-5000.csv.gz     the first 5000 of the 20000 rows of "Letter Recognition" (D. Slate, 1991):
#                          16 integer features 0..15, then the letter as 0..25 (A..Z)
#   satellite-6435.csv.gz  all 6435 rows of "Statlog (Landsat Satellite)" (A. Srinivasan, 1993):
#                          36 pixel values 0..255 (3x3 neighbourhood x 4 spectral bands), then the class as 0..5
#                          in mlbench's level order (red soil, cotton crop, grey soil, damp grey soil,
#                          vegetation stubble, very damp grey soil)
#   vehicle-846.csv.gz     all 846 rows of "Statlog (Vehicle Silhouettes)" (P. Mowforth, B. Shepherd, 1987):
#                          18 shape features of a silhouette, then the vehicle as 0..3 (bus, opel, saab, van)
#   vowel-990.csv.gz       all 990 rows of "Connectionist Bench (Vowel Recognition - Deterding Data)"
#                          (T. Robinson, 1989): the 9 numeric features mlbench keeps (its V2..V10; the speaker, V1,
#                          is left out), then the vowel as 0..10 (hid, hId, hEd, hAd, hYd, had, hOd, hod, hUd, hud, hed)
#   dna-3186.csv.gz        all 3186 rows of "Statlog (DNA)", primate splice-junction sequences (G. Towell, M. Noordewier,
#                          J. Shavlik): 180 binary indicators (60 bases, 3 bits each), then the class as 0..2 (ei, ie, n)
#   ionosphere-351.csv.gz  all 351 rows of "Ionosphere" (V. Sigillito, 1989): 33 radar returns (mlbench's V1 as 0/1
#                          and V3..V34; V2 is 0 in every row and is left out), then the class as 0..1 (bad, good)
#   spam-4601.csv.gz       all 4601 rows of "Spambase" (M. Hopkins, E. Reeber, G. Forman, J. Suermondt, 1999): 57
#                          word, character and capital-run frequencies of an e-mail, then the class as 0..1
#                          (nonspam, spam)
#   glass-214.csv.gz       all 214 rows of "Glass Identification" (B. German, 1987): refractive index and 8 oxide
#                          weight percents, then the type as 0..5 in mlbench's level order (building windows float
#                          processed, building windows non-float processed, vehicle windows float processed,
#                          containers, tableware, headlamps); the seventh type has no rows
#   shuttle-6000.csv.gz    6000 of the 58000 rows of "Statlog (Shuttle)" (J. Catlett, NASA), drawn at random with
#                          R's seed 2026: 9 numeric features, then the class as 0..6 in mlbench's level order
#                          (Rad.Flow, Fpv.Close, Fpv.Open, High, Bypass, Bpv.Close, Bpv.Open); about 78% Rad.Flow
#   soybean-683.csv.gz     all 683 rows of "Soybean (Large)" (R. Michalski, R. Chilausky, 1980): its 35 categorical
#                          attributes one-hot encoded in mlbench's level order (99 indicators; a missing value, 2337
#                          of them, leaves its attribute's indicators all 0), then the disease as 0..18 in mlbench's
#                          level order
#   musk-476.csv.gz        all 476 rows of "Musk (Version 1)" (A. Jain, R. Lathrop, T. Dietterich, 1994), from kernlab:
#                          166 integer distance features of a molecule's conformation, then the class as 0..1
#                          (non-musk, musk)
#
#   Rscript uci_tables.R
library(mlbench)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))

write_table <- function(features, label, name) write_bundle(features, as.integer(label) - 1L, name)

data(LetterRecognition)
letter <- LetterRecognition[1:5000, ]
write_table(letter[, 2:17], letter$lettr, "letter-5000.csv.gz")

data(Satellite)
write_table(Satellite[, 1:36], Satellite$classes, "satellite-6435.csv.gz")

data(Vehicle)
write_table(Vehicle[, 1:18], Vehicle$Class, "vehicle-846.csv.gz")

data(Vowel)
write_table(Vowel[, 2:10], Vowel$Class, "vowel-990.csv.gz")

data(DNA)
write_table(sapply(DNA[, 1:180], function(f) as.integer(as.character(f))), DNA$Class, "dna-3186.csv.gz")

data(Ionosphere)
write_table(cbind(as.integer(as.character(Ionosphere$V1)), Ionosphere[, 3:34]), Ionosphere$Class,
            "ionosphere-351.csv.gz")

library(kernlab)
data(spam)
write_table(spam[, 1:57], spam$type, "spam-4601.csv.gz")

data(Glass)
write_table(Glass[, 1:9], droplevels(Glass$Type), "glass-214.csv.gz")

data(Shuttle)
set.seed(2026, kind = "Mersenne-Twister", normal.kind = "Inversion", sample.kind = "Rejection")
shuttle <- Shuttle[sample(nrow(Shuttle), 6000), ]
write_table(shuttle[, 1:9], shuttle$Class, "shuttle-6000.csv.gz")

data(Soybean)
one_hot <- do.call(cbind, lapply(Soybean[, 2:36], function(f) {
  m <- sapply(levels(f), function(l) as.integer(!is.na(f) & f == l))
  matrix(m, nrow = length(f))
}))
write_table(one_hot, Soybean$Class, "soybean-683.csv.gz")

data(musk)
write_table(musk[, 1:166], factor(musk$Class, levels = c(0, 1)), "musk-476.csv.gz")
