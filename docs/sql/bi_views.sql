-- Views for a BI tool (Power BI, Superset, Metabase, Tableau over Spark SQL, Trino or DuckDB), on the
-- tables that register_tables.sql names. Every view joins the facts to the dimensions for labels, so a
-- dashboard needs no joins of its own. `jobs/skillgap sql --views` creates them in Spark SQL.

-- One row per ranked occupation, region and year, with Russian and English labels.
CREATE OR REPLACE VIEW skillgap.v_shortage_ranking AS
SELECT r.year, r.region, g.name_ru AS region_ru, g.name_en AS region_en, g.name_kk AS region_kk,
       r.rank, r.isco_code, coalesce(o.title_ru, o.title_en) AS occupation_ru, o.title_en AS occupation_en,
       o.major_title_en, r.innovation_sector, s.title_ru AS sector_ru, s.title_en AS sector_en,
       r.shortage_index, r.status, r.confidence, r.demand_supply_ratio, r.reason_1, r.reason_2, r.suppressed
FROM skillgap.shortage_ranking r
JOIN skillgap.dim_region g ON g.region_code = r.region
JOIN skillgap.dim_occupation o ON o.isco_code = r.isco_code
LEFT JOIN skillgap.dim_sector s ON s.sector_code = r.innovation_sector;

-- The region x sector heat map of the latest year.
CREATE OR REPLACE VIEW skillgap.v_region_sector AS
SELECT f.year, f.region, g.name_ru AS region_ru, g.name_en AS region_en, f.sector, s.title_ru AS sector_ru,
       s.title_en AS sector_en, s.is_innovation, f.vacancies, f.positions, f.graduate_supply, f.demand_supply_ratio,
       f.gap, f.shortage_index, f.status, f.suppressed
FROM skillgap.sector_region_summary f
JOIN skillgap.dim_region g ON g.region_code = f.region
JOIN skillgap.dim_sector s ON s.sector_code = f.sector
JOIN skillgap.dim_year y ON y.year = f.year AND y.is_latest;

-- Occupation trends: demand, supply and index by year, for real occupations only.
CREATE OR REPLACE VIEW skillgap.v_occupation_trend AS
SELECT f.year, f.region, g.name_ru AS region_ru, f.isco_code, coalesce(o.title_ru, o.title_en) AS occupation_ru,
       o.title_en AS occupation_en, o.innovation_sector, f.vacancies, f.positions, f.graduate_supply, f.demand_supply_ratio,
       f.median_posted_salary_kzt, f.official_avg_wage_kzt, f.shortage_index, f.status, f.confidence, f.suppressed
FROM skillgap.occupation_region_gap f
JOIN skillgap.dim_region g ON g.region_code = f.region
JOIN skillgap.dim_occupation o ON o.isco_code = f.isco_code
WHERE NOT f.is_residual AND f.isco_level = 4;

-- Fields of study with the hierarchy of ISCED-F.
CREATE OR REPLACE VIEW skillgap.v_programmes AS
SELECT p.year, p.region, g.name_ru AS region_ru, p.field_code, d.title_en AS field_en, d.broad_title_en,
       d.narrow_title_en, p.graduates, p.graduate_supply, p.attributed_demand, p.ratio, p.gap, p.shortage_index, p.status,
       p.suppressed
FROM skillgap.program_gap p
JOIN skillgap.dim_region g ON g.region_code = p.region
JOIN skillgap.dim_field d ON d.field_code = p.field_code;

-- What employers ask for: skills by region, sector and occupation, with labels (the report's skills section).
CREATE OR REPLACE VIEW skillgap.v_skill_demand AS
SELECT f.year, f.region, g.name_ru AS region_ru, g.name_en AS region_en, f.innovation_sector, s.title_ru AS sector_ru,
       s.title_en AS sector_en, f.isco_level, f.isco_code, f.skill_id, k.label_ru AS skill_ru, k.label_en AS skill_en,
       k.label_kk AS skill_kk, k.skill_group, k.digital, k.green, f.vacancies, f.share, f.growth_rel, f.median_salary_kzt,
       f.salary_premium, f.demand_rank, f.emerging_rank, f.confidence, f.suppressed
FROM skillgap.skill_demand f
JOIN skillgap.dim_region g ON g.region_code = f.region
JOIN skillgap.dim_sector s ON s.sector_code = f.innovation_sector
JOIN skillgap.dim_skill k ON k.skill_id = f.skill_id;

-- What employers of a field's graduates ask for: the view a programme committee acts on.
CREATE OR REPLACE VIEW skillgap.v_program_skills AS
SELECT p.year, p.region, g.name_ru AS region_ru, p.field_code, d.title_en AS field_en, d.broad_title_en, p.rank, p.skill_id,
       k.label_ru AS skill_ru, k.label_en AS skill_en, k.skill_group, p.share, p.growth_rel, p.salary_premium, p.confidence,
       p.suppressed
FROM skillgap.program_skill_profile p
JOIN skillgap.dim_region g ON g.region_code = p.region
JOIN skillgap.dim_field d ON d.field_code = p.field_code
JOIN skillgap.dim_skill k ON k.skill_id = p.skill_id;
