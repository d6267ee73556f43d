# Writes the two UCI tables the benchmarks bundle next to BenchmarkData, from the copies in the R package mlbench
# (Debian: r-cran-mlbench), which carries them unchanged from the UCI repository (both CC BY 4.0):
#   letter-5000.csv.gz     the first 5000 of the 20000 rows of "Letter Recognition" (D. Slate, 1991):
#                          16 integer features 0..15, then the letter as 0..25 (A..Z)
#   satellite-6435.csv.gz  all 6435 rows of "Statlog (Landsat Satellite)" (A. Srinivasan, 1993):
#                          36 pixel values 0..255 (3x3 neighbourhood x 4 spectral bands), then the class as 0..5
#                          in mlbench's level order (red soil, cotton crop, grey soil, damp grey soil,
#                          vegetation stubble, very damp grey soil)
#
#   Rscript uci_tables.R
library(mlbench)
out <- file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))),
                 "..", "resources", "io", "github", "dl4jlr", "examples", "data")

write_table <- function(features, label, name) {
  con <- gzfile(file.path(out, name), "w")
  write.table(cbind(features, as.integer(label) - 1L), con, sep = ",", row.names = FALSE, col.names = FALSE)
  close(con)
}

data(LetterRecognition)
letter <- LetterRecognition[1:5000, ]
write_table(letter[, 2:17], letter$lettr, "letter-5000.csv.gz")

data(Satellite)
write_table(Satellite[, 1:36], Satellite$classes, "satellite-6435.csv.gz")
