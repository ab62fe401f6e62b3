# Fixtures for the theta tests: forecast::thetaf (the standard theta method: SES plus half the
# least-squares drift, on multiplicatively seasonally adjusted data when the 90% acf test says so)
# on devset series, trained on all but the last H points.
#
# Rerun from the repository root (needs R with the forecast package and /work/shared/data/devset):
#   Rscript stdlib/src/test/r/theta_fixtures.R
# Writes stdlib/src/test/resources/fixtures/theta/{series.csv,thetaf.csv,thetaf_fit.csv}.
suppressMessages(library(forecast))

devset <- "/work/shared/data/devset"
out <- "stdlib/src/test/resources/fixtures/theta"
dir.create(out, showWarnings = FALSE, recursive = TRUE)

cases <- data.frame(
  id = c("arch_vix_w", "sk_uk_drivers_ksi", "sm_elec_equip", "arch_brent", "pm_ausbeer",
         "sm_macro_realgdp", "pm_austres", "sm_nile", "sm_fertility_jpn"),
  file = c("weekly", "monthly", "monthly", "monthly", "quarterly",
           "quarterly", "quarterly", "yearly", "yearly"),
  m = c(52, 12, 12, 12, 4, 4, 4, 1, 1),
  h = c(13, 12, 12, 12, 8, 8, 8, 6, 6),
  stringsAsFactors = FALSE)

fmt <- function(x) sprintf("%.17g", x)
series_rows <- list()
fc_rows <- list()
fit_rows <- list()
for (i in seq_len(nrow(cases))) {
  cs <- cases[i, ]
  data <- read.csv(file.path(devset, paste0(cs$file, ".csv")), stringsAsFactors = FALSE)
  v <- data$value[data$id == cs$id]
  train <- head(v, length(v) - cs$h)
  x <- ts(train, frequency = cs$m)
  fc <- thetaf(x, h = cs$h, level = c(80, 95))
  n <- length(train)
  seasonal <- FALSE
  if (cs$m > 1 && n > 2 * cs$m) {
    r <- as.numeric(acf(x, lag.max = cs$m, plot = FALSE)$acf)[-1]
    stat <- sqrt((1 + 2 * sum(r[-cs$m]^2)) / n)
    seasonal <- abs(r[cs$m]) / stat > qnorm(0.95)
  }
  series_rows[[i]] <- data.frame(id = cs$id, t = seq_len(n), value = fmt(train))
  fc_rows[[i]] <- data.frame(id = cs$id, step = seq_len(cs$h), mean = fmt(as.numeric(fc$mean)),
                             lo80 = fmt(fc$lower[, 1]), hi80 = fmt(fc$upper[, 1]),
                             lo95 = fmt(fc$lower[, 2]), hi95 = fmt(fc$upper[, 2]))
  fit_rows[[i]] <- data.frame(id = cs$id, m = cs$m, h = cs$h, n = n, seasonal = seasonal,
                              alpha = fmt(fc$model$alpha), drift = fmt(fc$model$drift),
                              sigma2 = fmt(fc$model$sigma))
}
write.csv(do.call(rbind, series_rows), file.path(out, "series.csv"), row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, fc_rows), file.path(out, "thetaf.csv"), row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, fit_rows), file.path(out, "thetaf_fit.csv"), row.names = FALSE, quote = FALSE)
cat("forecast", as.character(packageVersion("forecast")), "\n")
