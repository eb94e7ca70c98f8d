package io.skillgap.gap;

import io.skillgap.config.SkillgapConfig.IndexSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/** Index settings for tests: equal weights, clip 3, five observations, thresholds +-0.25, 60 days, top 3. */
final class IndexFixtures {
  private IndexFixtures() {}

  static IndexSettings settings(int minIndicators) {
    return settings(minIndicators, Map.of());
  }

  static IndexSettings settings(int minIndicators, Map<String, Double> weightOverrides) {
    Map<String, Double> weights = new LinkedHashMap<>();
    IndexSettings.INDICATORS.forEach(id -> weights.put(id, weightOverrides.getOrDefault(id, 1.0)));
    return new IndexSettings(weights, 3.0, 5, minIndicators, 0.25, -0.25, 60, 3);
  }
}
