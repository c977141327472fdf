{#- Parsing and checking the cells of a staging base model (staging_bas's column specs, documented in
    staging_bas.sql): the parsed value of a column (_stg_tolka, with the parsers of parsning.sql), its checks in
    order, each with the reason a failing row is quarantined for (_stg_kontroller), its output columns (_stg_utdata),
    and all of that for a list of columns as SQL fragments (_stg_plan). -#}

{#- case lower(<text>) when '<raw>' then '<output>' ... end -#}
{% macro _stg_kodmappning(t, mappning) -%}
    {%- set fall = [] -%}
    {%- for fran, till in mappning.items() -%}
        {%- do fall.append("when '" ~ fran ~ "' then '" ~ till ~ "'") -%}
    {%- endfor -%}
    {{ return('case lower(' ~ t ~ ') ' ~ (fall | join(' ')) ~ ' end') }}
{%- endmacro %}

{#- the parsed value of one column (from its trimmed text <kolumn>__text) -#}
{% macro _stg_tolka(k) -%}
    {%- set t = k.kolumn ~ '__text' -%}
    {%- set uttryck = t -%}
    {%- if k.typ == 'kod' and k.mappning is defined -%}
        {%- set uttryck = _stg_kodmappning(t, k.mappning) -%}
    {%- elif k.typ == 'kod' -%}
        {%- set uttryck = 'lower(' ~ t ~ ')' -%}
    {%- elif k.typ == 'decimal' -%}
        {%- set uttryck = kommunanalys.parse_decimal(t, 18, k.skala | default(2)) -%}
    {%- elif k.typ == 'heltal' -%}
        {%- set uttryck = kommunanalys.parse_integer(t) -%}
    {%- elif k.typ == 'bool' -%}
        {%- set uttryck = kommunanalys.parse_bool(t) -%}
    {%- elif k.typ == 'datum' -%}
        {%- set uttryck = kommunanalys.parse_date(t) -%}
    {%- elif k.typ == 'tidpunkt' -%}
        {%- set uttryck = kommunanalys.parse_timestamp(t) -%}
    {%- elif k.typ == 'period' -%}
        {%- set uttryck = kommunanalys.parse_period(t) -%}
    {%- elif k.typ == 'diagnos' -%}
        {%- set uttryck = 'upper(replace(' ~ t ~ ", '.', ''))" -%}
    {%- endif -%}
    {{ return(uttryck) }}
{%- endmacro %}

{#- the checks of one column, in order: a list of dicts villkor (SQL, true = fails) and orsak (SQL text). The
    personnummer look-alike of a column is its flag <kolumn>__pnr, computed once per cell in the CTE tolkad. -#}
{% macro _stg_kontroller(k) -%}
    {%- set t = k.kolumn ~ '__text' -%}
    {%- set v = k.namn | default(k.kolumn) -%}
    {%- set namn_sql = "'" ~ k.kolumn ~ ": " -%}
    {%- set visat = t -%}
    {%- set kontroller = [] -%}
    {%- if k.typ == 'personnummer' -%}
        {%- do kontroller.append({'villkor': k.kolumn ~ '__fel is not null',
            'orsak': namn_sql ~ "' || " ~ k.kolumn ~ '__fel'}) -%}
        {{ return(kontroller) }}
    {%- endif -%}
    {%- if k.kravs | default(false) -%}
        {%- do kontroller.append({'villkor': t ~ ' is null', 'orsak': namn_sql ~ "saknas'"}) -%}
    {%- endif -%}
    {#- a personnummer in any other column: quarantined, and neither the reason nor the value shows it; the later
        checks of the column show the value, which then does not look like one -#}
    {%- do kontroller.append({'villkor': k.kolumn ~ '__pnr',
        'orsak': namn_sql ~ "liknar ett personnummer (värdet visas inte)'"}) -%}
    {%- if k.typ == 'fel' -%}
        {#- a column in which the runner wrote why the row cannot be used (survey scoring) -#}
        {%- do kontroller.append({'villkor': t ~ ' is not null', 'orsak': t}) -%}
        {{ return(kontroller) }}
    {%- endif -%}
    {%- set fel = none -%}
    {%- set efter = '' -%}
    {%- if k.typ == 'kommun_kod' -%}
        {%- set villkor = 'not ' ~ kommunanalys.is_valid_kommun_kod(t) -%}
        {%- set fel = 'inte fyra siffror' -%}
    {%- elif k.typ == 'kod' -%}
        {%- set tillatna = (k.mappning.keys() | list) if k.mappning is defined else k.varden -%}
        {%- set villkor = 'lower(' ~ t ~ ") not in ('" ~ (tillatna | join("', '")) ~ "')" -%}
        {%- set fel = 'okänt värde' -%}
        {%- set efter = ' (tillåtet: ' ~ (tillatna | join(', ')) ~ ')' -%}
    {%- elif k.typ in ('decimal', 'heltal') -%}
        {%- set villkor = v ~ ' is null' -%}
        {%- set fel = 'inte ett tal' if k.typ == 'decimal' else 'inte ett heltal' -%}
    {%- elif k.typ == 'bool' -%}
        {%- set villkor = v ~ ' is null' -%}
        {%- set fel = 'inte J/N' -%}
    {%- elif k.typ == 'datum' -%}
        {%- set villkor = v ~ ' is null' -%}
        {%- set fel = 'ogiltigt datum' -%}
    {%- elif k.typ == 'tidpunkt' -%}
        {%- set villkor = v ~ ' is null' -%}
        {%- set fel = 'ogiltig tidpunkt' -%}
    {%- elif k.typ == 'period' -%}
        {%- set villkor = v ~ ' is null' -%}
        {%- set fel = 'ogiltig period' -%}
        {%- set efter = ' (inte en månad YYYYMM)' -%}
    {%- elif k.typ == 'diagnos' -%}
        {%- set villkor = 'not ' ~ kommunanalys.regex_full_match(v, '[A-Z][0-9]{2}[0-9A-Z]{0,5}') -%}
        {%- set fel = 'ogiltig ICD-10-kod' -%}
    {%- endif -%}
    {#- reason: <kolumn>: <fel> '<value>'<efter>, e.g. utskrivning_tid: ogiltig tidpunkt '2024-13-01 10:00' -#}
    {%- if fel is not none -%}
        {%- do kontroller.append({'villkor': t ~ ' is not null and ' ~ villkor,
            'orsak': namn_sql ~ fel ~ " ''' || " ~ visat ~ " || '''" ~ efter ~ "'"}) -%}
    {%- endif -%}
    {%- if k.min is defined -%}
        {%- do kontroller.append({'villkor': v ~ ' < ' ~ k.min,
            'orsak': namn_sql ~ ('negativ' if k.min == 0 else 'under ' ~ k.min) ~ " (' || " ~ visat ~ " || ')'"}) -%}
    {%- endif -%}
    {%- if k.over is defined -%}
        {%- do kontroller.append({'villkor': v ~ ' <= ' ~ k.over,
            'orsak': namn_sql ~ 'inte större än ' ~ k.over ~ " (' || " ~ visat ~ " || ')'"}) -%}
    {%- endif -%}
    {%- if k.max is defined -%}
        {%- do kontroller.append({'villkor': v ~ ' > ' ~ k.max,
            'orsak': namn_sql ~ 'över ' ~ k.max ~ " (' || " ~ visat ~ " || ')'"}) -%}
    {%- endif -%}
    {#- plausibility: an upper bound computed per row (from a seed joined by the model's kopplingar) -#}
    {%- if k.max_sql is defined -%}
        {%- do kontroller.append({'villkor': v ~ ' > ' ~ k.max_sql,
            'orsak': namn_sql ~ "orimligt värde (' || " ~ visat ~ " || '): mer än ' || cast(cast(" ~ k.max_sql
                ~ ' as integer) as ' ~ dbt.type_string() ~ ") || ' ' || " ~ (k.max_enhet | default("''"))
                ~ " || ' " ~ k.max_text ~ "'"}) -%}
    {%- endif -%}
    {%- if k.inte_fore is defined -%}
        {%- do kontroller.append({'villkor': v ~ ' < ' ~ k.inte_fore,
            'orsak': namn_sql ~ 'före ' ~ k.inte_fore ~ " (' || " ~ visat ~ " || ')'"}) -%}
    {%- endif -%}
    {#- plausibility: no date after the delivery (var leveransdatum, default the day of the build) -#}
    {%- if k.typ in ('datum', 'tidpunkt', 'period') -%}
        {%- set grans = 'cast(' ~ dbt.dateadd('day', 1, kommunanalys.leveransdatum()) ~ ' as date)' if k.typ != 'period'
            else 'cast(' ~ dbt.dateadd('month', 1, dbt.date_trunc('month', kommunanalys.leveransdatum())) ~ ' as date)' -%}
        {%- do kontroller.append({'villkor': v ~ ' >= ' ~ grans,
            'orsak': namn_sql ~ "efter leveransdatum ' || cast(" ~ kommunanalys.leveransdatum() ~ ' as '
                ~ dbt.type_string() ~ ") || ' (' || " ~ visat ~ " || ')'"}) -%}
    {%- endif -%}
    {{ return(kontroller) }}
{%- endmacro %}

{#- the date of the delivery: var leveransdatum ('YYYY-MM-DD'), else the day of the build. A date after it is
    quarantined (a delivery cannot report the future). -#}
{% macro leveransdatum() -%}
    {%- set d = var('leveransdatum', none) -%}
    {{ return("cast('" ~ d ~ "' as date)" if d else 'current_date') }}
{%- endmacro %}

{#- the output columns of one column spec (select list items) -#}
{% macro _stg_utdata(k) -%}
    {%- set v = k.namn | default(k.kolumn) -%}
    {%- set utdata = [] -%}
    {%- if k.typ == 'personnummer' -%}
        {%- set norm = k.kolumn ~ '__norm' -%}
        {%- set giltig = 'case when ' ~ k.kolumn ~ '__fel is null then ' -%}
        {%- do utdata.append(giltig ~ kommunanalys.pseudonym(norm) ~ ' end as person_id') -%}
        {%- do utdata.append(giltig ~ kommunanalys.pnr_sex(norm) ~ ' end as kon') -%}
        {%- do utdata.append(giltig ~ k.kolumn ~ '__fodd end as fodelsedatum') -%}
        {%- do utdata.append(giltig ~ kommunanalys.pnr_is_samordningsnummer(norm) ~ ' end as is_samordningsnummer') -%}
    {%- elif k.typ == 'fel' -%}
        {#- the runner's reason column is not output -#}
    {%- elif k.typ == 'period' -%}
        {%- do utdata.append(_stg_utan_personnummer(k.kolumn, k.kolumn ~ '__text') ~ ' as ' ~ v) -%}
        {%- do utdata.append('cast(extract(year from ' ~ v ~ ') as integer) as ar') -%}
        {%- do utdata.append('cast(extract(month from ' ~ v ~ ') as integer) as manad') -%}
    {%- elif k.typ in ('text', 'kommun_kod', 'diagnos') or (k.typ == 'kod' and k.mappning is not defined) -%}
        {#- text copied from the file: a value that looks like a personnummer is not kept, not even in a base table -#}
        {%- do utdata.append(_stg_utan_personnummer(k.kolumn, v) ~ ' as ' ~ v) -%}
    {%- else -%}
        {%- do utdata.append(_stg_utan_personnummer(k.kolumn, v) ~ ' as ' ~ v) -%}
        {%- if k.ar | default(false) -%}
            {%- do utdata.append('cast(extract(year from ' ~ v ~ ') as integer) as ar') -%}
        {%- endif -%}
    {%- endif -%}
    {{ return(utdata) }}
{%- endmacro %}

{#- Everything staging_bas needs, as lists of SQL fragments: the empty relation (a source without files), the
    trimmed texts, the parsed columns with one personnummer flag per cell, the personnummer columns (birth date and
    Luhn once per cell, then the reason), the checks (numbered: the first failing check's number is computed once
    per row, and kolumn, orsak and varde are chosen by that number) and the output. -#}
{% macro _stg_plan(kolumner, prefix) -%}
    {%- set plan = {'tom': [], 'trimmad': [], 'tolkad': [], 'pnr_steg1': [], 'pnr_steg2': [], 'villkor': [],
        'kolumn': [], 'orsak': [], 'varde': [], 'utdata': []} -%}
    {%- for k in kolumner -%}
        {%- set t = k.kolumn ~ '__text' -%}
        {%- do plan.tom.append('cast(null as ' ~ dbt.type_string() ~ ') as ' ~ k.kolumn) -%}
        {%- do plan.trimmad.append(kommunanalys.clean_text(k.kolumn) ~ ' as ' ~ t) -%}
        {%- if k.typ == 'personnummer' -%}
            {%- set norm = k.kolumn ~ '__norm' -%}
            {%- do plan.tolkad.append(kommunanalys.pnr_normalize(t) ~ ' as ' ~ norm) -%}
            {%- do plan.pnr_steg1.append(kommunanalys.pnr_birth_date(norm) ~ ' as ' ~ k.kolumn ~ '__fodd') -%}
            {%- do plan.pnr_steg1.append(kommunanalys.pnr_luhn_ok(norm) ~ ' as ' ~ k.kolumn ~ '__luhn') -%}
            {%- do plan.pnr_steg2.append('case when ' ~ t ~ " is null then 'saknas' when " ~ norm
                ~ " is null then 'inte tolv siffror' when " ~ k.kolumn ~ "__fodd is null then 'ogiltigt datum'"
                ~ ' when not ' ~ k.kolumn ~ "__luhn then 'fel kontrollsiffra' end as " ~ k.kolumn ~ '__fel') -%}
        {%- else -%}
            {%- do plan.tolkad.append(kommunanalys.ser_ut_som_personnummer(t) ~ ' as ' ~ k.kolumn ~ '__pnr') -%}
            {%- if k.typ != 'fel' -%}
                {%- do plan.tolkad.append(_stg_tolka(k) ~ ' as ' ~ (k.namn | default(k.kolumn))) -%}
            {%- endif -%}
        {%- endif -%}
        {#- the raw value of a failing row; never a personnummer, nor anything that looks like one -#}
        {%- set varde = 'null' if k.typ in ('personnummer', 'fel')
            else 'case when ' ~ k.kolumn ~ '__pnr then null else ' ~ t ~ ' end' -%}
        {%- for kontroll in _stg_kontroller(k) -%}
            {%- set nr = plan.villkor | length + 1 -%}
            {%- do plan.villkor.append('when ' ~ kontroll.villkor ~ ' then ' ~ nr) -%}
            {%- do plan.kolumn.append('when ' ~ nr ~ " then '" ~ k.kolumn ~ "'") -%}
            {%- do plan.orsak.append('when ' ~ nr ~ ' then ' ~ kontroll.orsak) -%}
            {%- do plan.varde.append('when ' ~ nr ~ ' then ' ~ varde) -%}
        {%- endfor -%}
        {%- do plan.utdata.extend(_stg_utdata(k)) -%}
    {%- endfor -%}
    {%- do plan.tom.append('cast(null as ' ~ dbt.type_string() ~ ') as ' ~ prefix ~ '_fil') -%}
    {%- do plan.tom.append('cast(null as integer) as ' ~ prefix ~ '_rad') -%}
    {{ return(plan) }}
{%- endmacro %}
