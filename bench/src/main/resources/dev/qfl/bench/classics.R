# The R side of `qfl bench classics`: fits forecast::ets, forecast::auto.arima and forecast::thetaf
# to every series of the CSV that the Java benchmark wrote (columns id, value; one row per point,
# in time order), on the given number of cores, and prints one line per model:
#   r_<model>_series_per_s <number>
# Usage: Rscript classics.R FILE.csv CORES HORIZON SEASON
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
data <- read.csv(args[1])
cores <- as.integer(args[2])
h <- as.integer(args[3])
m <- as.integer(args[4])
series <- lapply(split(data$value, factor(data$id, levels = unique(data$id))), function(v) ts(v, frequency = m))
fitters <- list(
  ets = function(y) forecast(ets(y), h = h, level = c(80, 95)),
  theta = function(y) thetaf(y, h = h, level = c(80, 95)),
  arima = function(y) forecast(auto.arima(y), h = h, level = c(80, 95)))
for (name in names(fitters)) {
  started <- proc.time()[["elapsed"]]
  invisible(parallel::mclapply(series, fitters[[name]], mc.cores = cores))
  elapsed <- proc.time()[["elapsed"]] - started
  cat(sprintf("r_%s_series_per_s %.1f\n", name, length(series) / elapsed))
}
