# Draws the growth curve: bench/growth/results.tsv (bench/growth/run.sh: imports of generated corpora) and, when given,
# bench/growth/search.tsv (bench/growth/search.sh: the search bench's own index) on log-log axes, each measured point
# marked. The import time is fitted with t = c + k·n (a fixed start-up cost plus a cost per submission), over the
# measured points only; the title gives k and c.
# Usage: gnuplot -e "results='…'; search='…'; output='…'" bench/growth/plot.gnuplot   (search optional)
if (!exists("results")) results = 'bench/growth/results.tsv'
if (!exists("output")) output = 'bench/growth/growth.png'
set datafile separator "\t"
set terminal pngcairo size 1200,800 font ",11"
set output output
set multiplot layout 2,2 title "Ingest on one 2-core machine, shared with other builds (load average 11–34 during these runs; per row in the .tsv files)"
set logscale xy
set grid
set key top left
set xlabel "submissions"
set xrange [500:200000]
c = 30.0; k = 0.01
f(x) = c + k * x
cc = 10.0; kc = 0.001
g(x) = cc + kc * x
set fit quiet logfile '/dev/null'
stats results using 1 every ::1 nooutput
first = STATS_min; last = STATS_max
within(x, y) = (x >= first && x <= last) ? y : 1/0   # fits drawn over the measured range only
fit f(x) results using 1:4 every ::1 via c, k
fit g(x) results using 1:5 every ::1 via cc, kc
set title sprintf("import, --jobs 2: wall %.0f s + %.1f ms/submission; CPU %.0f s + %.1f ms/submission", c, k * 1000, cc, kc * 1000)
set ylabel "seconds"
set key bottom right
plot results using 1:4 every ::1 with points pt 7 ps 1.5 title "wall time", within(x, f(x)) with lines dt 2 title "fit", \
     results using 1:5 every ::1 with points pt 5 ps 1.5 title "CPU time (user + system, workers included)", within(x, g(x)) with lines dt 3 title "fit"
set key top left
set title "index size"
set ylabel "MB"
if (exists("search")) {
  plot results using 1:9 every ::1 with linespoints pt 7 title "imported corpus (ingest generate)", \
       search using 1:3 every ::1 with linespoints pt 5 title "search bench's own index"
} else {
  plot results using 1:9 every ::1 with linespoints pt 7 title "imported corpus (ingest generate)"
}
set title "peak resident memory of the import"
set ylabel "MB"
plot results using 1:7 every ::1 with linespoints pt 7 title "largest process", \
     results using 1:8 every ::1 with linespoints pt 5 title "all processes (sampled)"
set key top left font ",9"
set yrange [0.1:100000]
set title "warm search latency (bench/search query set, 5 rounds)"
set ylabel "ms"
if (exists("search")) {
  plot search using 1:4 every ::1 with linespoints pt 7 title "p50, bench index (queries match)", \
       search using 1:5 every ::1 with linespoints pt 5 title "p99, bench index", \
       results using 1:10 every ::1 with linespoints pt 6 dt 2 title "p50, imported corpus (2/3 of queries match nothing)", \
       results using 1:11 every ::1 with linespoints pt 4 dt 2 title "p99, imported corpus"
} else {
  plot results using 1:10 every ::1 with linespoints pt 7 title "p50", \
       results using 1:11 every ::1 with linespoints pt 5 title "p99"
}
unset multiplot
