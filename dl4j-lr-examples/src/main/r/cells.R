# Writes cells-2019.csv.gz next to BenchmarkData from the copy in the R package modeldata (Debian: r-cran-modeldata,
# MIT licence): all 2019 rows of "cells", the cell body segmentation data of Hill, LaPan, Li and Haney (2007), "Impact
# of image segmentation on high-content screening data quality for SK-BR-3 cells", BMC Bioinformatics 8:340.
#   56 imaging measurements of a cell (modeldata's columns in their order, without "case", the paper's own split),
#   rounded to 7 significant digits (the benchmarks read them as floats), then the class as 0..1 (PS: poorly
#   segmented, WS: well segmented)
#
#   Rscript cells.R
library(modeldata)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "bundle.R"))
data(cells)
features <- signif(as.data.frame(cells[, !(names(cells) %in% c("case", "class"))]), 7)
write_bundle(features, as.integer(cells$class) - 1L, "cells-2019.csv.gz")
