# Fixtures for the theta tests: forecast::thetaf (the standard theta method: SES plus half the
# least-squares drift, on multiplicatively seasonally adjusted data when the 90% acf test says so)
# on devset series, trained on all but the last H points.
#
# Rerun from the repository root (needs R with the forecast package and /work/shared/data/devset):
#   Rscript stdlib/src/test/r/theta_fixtures.R
# Writes stdlib/src/test/resources/fixtures/theta/{series.csv,thetaf.csv,thetaf_fit.csv}, and
# statsforecast_autotheta.csv: statsforecast 2.1.1 AutoTheta's point forecasts and chosen variant
# for the same training windows (window 1 of the devset peers), copied from peers_forecasts.csv and
# peers_rolling.csv as written there.
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
peers_fc <- read.csv(file.path(devset, "peers_forecasts.csv"), colClasses = "character")
peers_roll <- read.csv(file.path(devset, "peers_rolling.csv"), colClasses = "character")
sf_rows <- list()
for (id in cases$id) {
  model <- peers_roll$model[peers_roll$id == id & peers_roll$method == "AutoTheta" & peers_roll$window == "1"]
  fc <- peers_fc[peers_fc$id == id & peers_fc$method == "AutoTheta" & peers_fc$window == "1", ]
  sf_rows[[id]] <- data.frame(id = id, variant = model, step = seq_len(nrow(fc)), mean = fc$q0.5)
}
write.csv(do.call(rbind, sf_rows), file.path(out, "statsforecast_autotheta.csv"), row.names = FALSE, quote = FALSE)
cat("forecast", as.character(packageVersion("forecast")), "\n")
