package io.skillgap.gap;

import io.skillgap.store.TableSchemas;
import static org.apache.spark.sql.functions.col;

import io.skillgap.reference.Reference;
import io.skillgap.store.Schemas;
import io.skillgap.config.SkillgapConfig;
import io.skillgap.run.Parallel;
import io.skillgap.run.Timing;
import io.skillgap.store.Warehouse;
import io.skillgap.store.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Silver to gold: the gap tables, the shortage index with its reliability, the ranking and its
 * sensitivity, for the years the night touched and the year after each (its growth indicators look back
 * one year); the other years' rows stay as they are.
 */
public final class Gap {
  private static final Logger LOG = LogManager.getLogger(Gap.class);

  private Gap() {}

  /** The occupation table with indicators, scores, index, status and confidence. */
  public static Dataset<Row> occupations(Dataset<Row> vacancies, Dataset<Row> supply, Dataset<Row> wages, Reference ref,
      SkillgapConfig cfg) {
    // Gold-sized (years x regions x occupations): materialised once here because every later step reads it
    // several times (year medians, region references, previous years), which would re-run the joins each time.
    // Unit groups from the vacancies coded to one (or not at all); the region's figures from every vacancy.
    Dataset<Row> units = vacancies.where(GroupTotals.coarse().equalTo(false));
    Dataset<Row> keyed = OccupationGap.keyed(units, supply, cfg.index().longVacancyDays()).checkpoint();
    Dataset<Row> measured = OccupationGap.measure(keyed, vacancies, OccupationGap.harmonisedWages(wages, cfg.boundaryChanges()),
        ref.iscoUnits(), ref.sectorByOccupation()).checkpoint();
    Dataset<Row> scored = ShortageIndex.scores(Indicators.raw(measured, cfg.index().minObservations()).checkpoint(), cfg.index().clipZ());
    Dataset<Row> indexed = Reliability.withConfidence(ShortageIndex.composite(scored, cfg.index()), cfg.reliability(), cfg.index());
    return withQualification(GroupTotals.withGroups(indexed, vacancies.where(GroupTotals.coarse()), ref.isco()), ref.qualifications());
  }

  /**
   * Each unit group's entry qualification and whether a programme supplies it (the crosswalk feeds it);
   * null on group totals and residual rows. The ranking and the headlines consider only occupations a
   * programme supplies: comparing the others with graduates says nothing an official can act on.
   */
  public static Dataset<Row> withQualification(Dataset<Row> gap, Dataset<Row> qualifications) {
    Dataset<Row> q = org.apache.spark.sql.functions.broadcast(qualifications).select(col("isco_code").as("_q_code"),
        col("entry_qualification"), col("education_pipeline"));
    return gap.join(q, col("isco_code").equalTo(col("_q_code")).and(col("isco_level").equalTo(4)), "left").drop("_q_code");
  }

  /** The years to recompute: those touched and the year after each; every year with data when {@code touched} is null. */
  public static Set<Integer> yearsToRecompute(Warehouse wh, Set<Integer> touched) {
    Set<Integer> out = new TreeSet<>();
    if (touched == null) {
      for (Table t : List.of(Table.SILVER_VACANCIES, Table.SILVER_GRADUATE_SUPPLY, Table.GOLD_OCCUPATION_REGION_GAP)) {
        if (wh.exists(t)) {
          wh.read(t).select("year").distinct().collectAsList().forEach(r -> out.add(r.getInt(0)));
        }
      }
      return out;
    }
    touched.forEach(y -> {
      out.add(y);
      out.add(y + 1);
    });
    return out;
  }

  /** Recomputes the gold tables for the touched years (every year when {@code touched} is null); returns the rows written. */
  public static long run(Warehouse wh, Reference ref, SkillgapConfig cfg, Set<Integer> touched) {
    long start = System.nanoTime();
    Set<Integer> years = yearsToRecompute(wh, touched);
    if (years.isEmpty()) {
      LOG.info("gap: no year touched, gold unchanged");
      return 0;
    }
    List<Integer> withPrevious = new ArrayList<>(years);
    years.forEach(y -> withPrevious.add(y - 1));
    Column inputYears = col("year").isin(withPrevious.toArray());
    Column outputYears = col("year").isin(years.toArray());
    Dataset<Row> vacancies = wh.read(Table.SILVER_VACANCIES).where(inputYears);
    Dataset<Row> supply = wh.read(Table.SILVER_GRADUATE_SUPPLY).where(inputYears);
    Dataset<Row> wages = wh.read(Table.SILVER_WAGES).where(inputYears);
    LOG.info("gap: recomputing years {}", years);

    long rows = write(wh, occupations(vacancies, supply, wages, ref, cfg).where(outputYears), Table.GOLD_OCCUPATION_REGION_GAP, years, start);
    // Programmes, sectors, ranking and sensitivity rest on the unit groups (the group rows would count twice).
    Dataset<Row> gold = GroupTotals.units(wh.read(Table.GOLD_OCCUPATION_REGION_GAP).where(outputYears));
    Dataset<Row> demand = gold.select("year", "region", "vacancies", "vacancy_ads", "positions", "graduate_supply", "supply_graduates",
        "innovation_sector", "shortage_index").unionByName(GroupTotals.coarseDemand(vacancies.where(outputYears)));
    // The other tables read only the occupation table and silver: two at a time (each commit is the driver's work).
    // The skills tables go first: the longest step, read only silver, so they run beside the four others.
    List<Supplier<Long>> steps = List.of(
        () -> skills(wh, vacancies, supply.where(outputYears), ref, cfg, years, outputYears, start),
        () -> write(wh, ProgramGap.build(supply.where(outputYears), gold, ref.isced(), cfg.index()), Table.GOLD_PROGRAM_GAP, years, start),
        () -> write(wh, SectorSummary.build(demand, vacancies.where(outputYears), ref.sectorByActivity(), cfg.index()),
            Table.GOLD_SECTOR_REGION_SUMMARY, years, start),
        () -> write(wh, ShortageRanking.build(gold, cfg.index()), Table.GOLD_SHORTAGE_RANKING, years, start),
        () -> write(wh, Sensitivity.build(gold, cfg.index()), Table.GOLD_INDEX_SENSITIVITY, years, start));
    return rows + Parallel.run(steps, 2).stream().mapToLong(Long::longValue).sum();
  }

  /** How many skills each field's profile keeps. */
  public static final int PROFILE_TOP = 25;

  /** The skills tables: demand by cell (the year before each is read for growth), then each field's profile from it. */
  private static long skills(Warehouse wh, Dataset<Row> vacancies, Dataset<Row> supply, Reference ref, SkillgapConfig cfg, Set<Integer> years,
      Column outputYears, long start) {
    long n = write(wh, SkillDemand.build(vacancies, ref.sectorByOccupation(), ref.skillVocabulary(), cfg.index(), cfg.reliability())
        .where(outputYears), Table.GOLD_SKILL_DEMAND, years, start);
    Dataset<Row> demand = wh.read(Table.GOLD_SKILL_DEMAND).where(outputYears);
    return n + write(wh, ProgramSkills.build(supply, demand, ref.isced(), cfg.index().minObservations(), PROFILE_TOP),
        Table.GOLD_PROGRAM_SKILL_PROFILE, years, start);
  }

  /** Replaces the years of one gold table; returns the rows written. */
  private static long write(Warehouse wh, Dataset<Row> rows, Table table, Set<Integer> years, long start) {
    wh.replaceYears(rows, table, years);
    long n = wh.lastCommitRows(table);
    LOG.info("gap: {} {} rows for {} ({})", table.tableName(), n, years, Timing.since(start));
    return n;
  }
}
