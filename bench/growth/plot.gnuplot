# Draws bench/growth/results.tsv (written by bench/growth/run.sh) on log-log axes: import wall time, index size, peak memory
# and warm search p50/p99 against the number of submissions, each measured point marked, with the power-law fit
# y = a·n^b of the import time (b = 1 means linear growth). Usage: gnuplot -e "results='…'; output='…'" plot.gnuplot
if (!exists("results")) results = 'bench/growth/results.tsv'
if (!exists("output")) output = 'bench/growth/growth.png'
set datafile separator "\t"
set terminal pngcairo size 1200,800 font ",11"
set output output
set multiplot layout 2,2 title "Ingest on one 2-core machine (shared; load average in results.tsv): growth with the archive"
set logscale xy
set grid
set key top left
set xlabel "submissions"
a = 0.01; b = 1.0
f(x) = a * x**b
fit f(x) results using 1:4 every ::1 via a, b
set title sprintf("import wall time (fit: t ∝ n^{%.2f})", b)
set ylabel "seconds"
plot results using 1:4 every ::1 with linespoints pt 7 title "measured (--jobs 2)", f(x) with lines dt 2 title "fit"
set title "index size"
set ylabel "MB"
plot results using 1:9 every ::1 with linespoints pt 7 title "index (import log excluded)"
set title "peak resident memory"
set ylabel "MB"
plot results using 1:7 every ::1 with linespoints pt 7 title "largest process", \
     results using 1:8 every ::1 with linespoints pt 5 title "all processes (sampled)"
set title "warm search latency (bench/search query set)"
set ylabel "ms"
plot results using 1:10 every ::1 with linespoints pt 7 title "p50", \
     results using 1:11 every ::1 with linespoints pt 5 title "p99"
unset multiplot
