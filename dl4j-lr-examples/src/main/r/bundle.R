# Shared by the scripts that bundle a table for BenchmarkData (each sources it first): where the tables go, one-hot
# coding and the writer. Not run on its own.
bundle_dir <- file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))),
                        "..", "resources", "io", "github", "dl4jlr", "examples", "data")

# One 0/1 column per level of a factor, in its level order; a missing value leaves all of them 0.
one_hot <- function(f) sapply(levels(f), function(l) as.integer(!is.na(f) & f == l))

# Writes the features, then the class index (from 0), as a gzipped CSV without a header next to BenchmarkData.
write_bundle <- function(features, class, name) {
  con <- gzfile(file.path(bundle_dir, name), "w")
  write.table(cbind(features, class), con, sep = ",", row.names = FALSE, col.names = FALSE)
  close(con)
}
