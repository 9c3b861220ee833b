package io.docmatrix.bench.report;

import io.docmatrix.bench.report.Results.QueryLoad;
import io.docmatrix.bench.report.Results.Run;
import io.docmatrix.bench.report.Results.TimePoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The PNG charts of the report; each method returns the file name it wrote, or nothing when it had no data. */
final class Charts {

    static final String INGEST = "ingest-throughput.png";

    private Charts() {}

    static List<String> write(Run run, Path folder) {
        System.setProperty("java.awt.headless", "true");
        List<String> written = new ArrayList<>();
        if (run.ingest() != null && !run.ingest().timeline().isEmpty()) {
            written.add(ingestThroughput(run.ingest().timeline(), folder));
        }
        for (String endpoint : new TreeSet<>(run.queries().stream()
                .filter(q -> q.route().equals(Headline.GATEWAY))
                .map(QueryLoad::endpoint)
                .toList())) {
            written.add(queryLatency(run.queries(), endpoint, folder));
        }
        return written;
    }

    private static String ingestThroughput(List<TimePoint> timeline, Path folder) {
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(450)
                .title("Ingestion: chunks READY over time")
                .xAxisTitle("seconds since the first upload")
                .yAxisTitle("chunks READY")
                .build();
        chart.getStyler().setLegendVisible(false);
        chart.addSeries(
                        "chunks",
                        timeline.stream().map(TimePoint::seconds).toList(),
                        timeline.stream().map(p -> (double) p.chunks()).toList())
                .setMarker(SeriesMarkers.NONE);
        return save(chart, folder, INGEST);
    }

    /** p50, p95 and p99 through the gateway by concurrency, one line per percentile and data size. */
    private static String queryLatency(List<QueryLoad> loads, String endpoint, Path folder) {
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(500)
                .title("POST /api/v1/" + endpoint + " through the gateway: latency by concurrency")
                .xAxisTitle("concurrent clients")
                .yAxisTitle("milliseconds")
                .build();
        chart.getStyler().setXAxisLogarithmic(true);
        Map<Integer, List<QueryLoad>> bySize = new TreeMap<>();
        loads.stream()
                .filter(q -> q.endpoint().equals(endpoint) && q.route().equals(Headline.GATEWAY))
                .forEach(q -> bySize.computeIfAbsent(q.chunks(), k -> new ArrayList<>())
                        .add(q));
        bySize.forEach((size, series) -> {
            List<QueryLoad> sorted = series.stream()
                    .sorted(java.util.Comparator.comparingInt(QueryLoad::clients))
                    .toList();
            List<Double> clients =
                    sorted.stream().map(q -> (double) q.clients()).toList();
            chart.addSeries(
                    "p50 @" + size,
                    clients,
                    sorted.stream().map(q -> q.latency().p50Ms()).toList());
            chart.addSeries(
                    "p95 @" + size,
                    clients,
                    sorted.stream().map(q -> q.latency().p95Ms()).toList());
            chart.addSeries(
                    "p99 @" + size,
                    clients,
                    sorted.stream().map(q -> q.latency().p99Ms()).toList());
        });
        return save(chart, folder, endpoint + "-latency.png");
    }

    private static String save(XYChart chart, Path folder, String name) {
        try {
            BitmapEncoder.saveBitmap(chart, folder.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
