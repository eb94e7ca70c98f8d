package io.skillgap.classify;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learned part of the classifier: the titles of the labelled set (and the dictionary's terms) as
 * TF-IDF vectors of character n-grams and words, and for a new title the labelled titles nearest to it
 * (cosine similarity), which vote for their codes. A code it gives is explained by the titles that voted.
 * An inverted index keeps a look-up proportional to the title, not to the set.
 */
final class SimilarTitles implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A labelled text: its normalised tokens, its code, and a weight (1 for a labelled title). */
  record Doc(String text, String code, double weight) implements Serializable {}

  /** A neighbour: the document and its similarity. */
  record Hit(Doc doc, double similarity) {}

  private final List<Doc> docs;
  private final Map<String, Double> idf;
  private final Map<String, int[]> postings;
  private final Map<String, double[]> postingWeights;

  SimilarTitles(List<Doc> docs) {
    this.docs = List.copyOf(docs);
    Map<String, Integer> df = new HashMap<>();
    List<Map<String, Double>> tfs = new ArrayList<>();
    for (Doc d : this.docs) {
      Map<String, Double> tf = features(d.text());
      tfs.add(tf);
      tf.keySet().forEach(f -> df.merge(f, 1, Integer::sum));
    }
    this.idf = new HashMap<>();
    int n = Math.max(1, this.docs.size());
    df.forEach((f, c) -> idf.put(f, Math.log((1.0 + n) / (1.0 + c)) + 1.0));
    Map<String, List<double[]>> p = new HashMap<>();
    for (int i = 0; i < tfs.size(); i++) {
      Map<String, Double> v = weigh(tfs.get(i));
      final int doc = i;
      v.forEach((f, w) -> p.computeIfAbsent(f, k -> new ArrayList<>()).add(new double[] {doc, w}));
    }
    this.postings = new HashMap<>();
    this.postingWeights = new HashMap<>();
    p.forEach((f, list) -> {
      int[] ids = new int[list.size()];
      double[] ws = new double[list.size()];
      for (int i = 0; i < list.size(); i++) {
        ids[i] = (int) list.get(i)[0];
        ws[i] = list.get(i)[1];
      }
      postings.put(f, ids);
      postingWeights.put(f, ws);
    });
  }

  int size() {
    return docs.size();
  }

  /**
   * Features of a normalised title: its words, and the character 3- and 4-grams of the words with their
   * boundaries (so "бухгалтер" and "бухгалтера" share most n-grams, and a misspelling costs a few).
   */
  static Map<String, Double> features(String text) {
    Map<String, Double> tf = new LinkedHashMap<>();
    String[] words = text.split(" ");
    if (words.length > 0 && !words[0].isEmpty()) {
      tf.merge("h:" + words[0], 2.0, Double::sum); // the head word says most of what the job is
    }
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      tf.merge("w:" + w, 1.0, Double::sum);
      String padded = " " + w + " ";
      for (int n = 3; n <= 4; n++) {
        for (int i = 0; i + n <= padded.length(); i++) {
          tf.merge(padded.substring(i, i + n), 1.0, Double::sum);
        }
      }
    }
    return tf;
  }

  /** Sub-linear term frequency times idf, L2-normalised; features the set never saw are left out. */
  private Map<String, Double> weigh(Map<String, Double> tf) {
    Map<String, Double> v = new HashMap<>();
    double norm = 0;
    for (Map.Entry<String, Double> e : tf.entrySet()) {
      Double i = idf.get(e.getKey());
      if (i == null) {
        continue;
      }
      double w = (1 + Math.log(e.getValue())) * i;
      v.put(e.getKey(), w);
      norm += w * w;
    }
    double n = Math.sqrt(norm);
    if (n > 0) {
      v.replaceAll((k, w) -> w / n);
    }
    return v;
  }

  /** The {@code k} documents most similar to the normalised title, most similar first. */
  List<Hit> nearest(String text, int k) {
    Map<String, Double> q = weigh(features(text));
    Map<Integer, Double> scores = new HashMap<>();
    q.forEach((f, w) -> {
      int[] ids = postings.get(f);
      double[] ws = postingWeights.get(f);
      for (int i = 0; i < ids.length; i++) {
        scores.merge(ids[i], w * ws[i], Double::sum);
      }
    });
    return scores.entrySet().stream()
        .sorted((a, b) -> a.getValue().equals(b.getValue()) ? Integer.compare(a.getKey(), b.getKey()) : Double.compare(b.getValue(), a.getValue()))
        .limit(k)
        .map(e -> new Hit(docs.get(e.getKey()), e.getValue()))
        .toList();
  }
}
