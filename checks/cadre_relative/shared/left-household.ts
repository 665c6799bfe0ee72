// For the cadre_relative checks: whether a roll row's person left his household (迁出, 分户, 死亡 …: such a row links no
// one to a cadre), defined once in checks/shared-sql.ts for every check that asks who a household is; and how the
// cadre's own row's status is shown.
export { leftHousehold, stillInHousehold } from '../../shared-sql.ts';

/**
 * The status of the cadre's row `alias` for a same-household link's evidence: as the roll writes it beside how it is
 * read (干部本人退保（退出）, 干部本人停保（任职）), or that it could not be read; nothing for a row 在保.
 */
export const cadreStatusNote = (alias: string) => `CASE
    WHEN NOT ${alias}.active THEN '，干部本人' || CASE WHEN contains(coalesce(rs_text(${alias}.status_raw), ''), ${alias}.status)
      THEN rs_text(${alias}.status_raw) ELSE ${alias}.status || coalesce('（' || rs_text(${alias}.status_raw) || '）', '') END
    WHEN ${alias}.status IS NULL AND rs_text(${alias}.status_raw) IS NOT NULL
      THEN '，干部本人状态「' || rs_text(${alias}.status_raw) || '」无法识别，按在保计'
    ELSE '' END`;
