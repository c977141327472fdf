-- KPB step 5: the total cost of each person-related insats and regi distributed over its brukare in proportion to
-- their volume (of the volume type the unit cost uses), exact to the öre with the largest-remainder method (macro
-- kpb_storsta_rest, the same routine as the pool step-down): Σ kostnad = insatskostnad.total_kostnad for every
-- person-related insats with volume. kostnad ≈ volym × enhetskostnad, the KPB formula, but without rounding loss.
{#- incremental per year (macros/inkrementell.sql): a delivery recomputes the years it touches; a contracted
    mart, so a change of its columns fails (on_schema_change fail) and needs --full-refresh -#}
{{ config(
    materialized=inkrementell_materialisering(),
    incremental_strategy='delete+insert',
    unique_key='ar',
    on_schema_change='fail',
    pre_hook="{{ inkrementell_rensa('ar') }}",
) }}
with

insatskostnad as (
    select * from {{ ref('insatskostnad') }}
    {% if is_incremental() %}where ar in {{ inkrementell_andrade('ar') }}{% endif %}
),

volymer as (
    select * from {{ ref('int_kpb_volymer_oversatta') }}
    {% if is_incremental() %}where ar in {{ inkrementell_andrade('ar') }}{% endif %}
),

personvolym as (
    select
        kommun_kod,
        ar,
        person_id,
        insats_kod,
        regi,
        volymtyp,
        sum(volym) as volym
    from volymer
    where insats_kod is not null
    group by kommun_kod, ar, person_id, insats_kod, regi, volymtyp
),

underlag as (
    select
        personvolym.kommun_kod,
        personvolym.ar,
        personvolym.person_id,
        personvolym.insats_kod,
        personvolym.regi,
        insatskostnad.volymtyp,
        insatskostnad.mattenhet,
        insatskostnad.enhetskostnad,
        cast(personvolym.volym as decimal(18, 4)) as volym,
        {{ kpb_till_tiotusendelar('personvolym.volym') }} as volym_e4,
        {{ kpb_till_ore('insatskostnad.total_kostnad') }} as insats_ore
    from personvolym
    inner join insatskostnad
        on
            personvolym.kommun_kod = insatskostnad.kommun_kod
            and personvolym.ar = insatskostnad.ar
            and personvolym.insats_kod = insatskostnad.insats_kod
            and personvolym.regi = insatskostnad.regi
            and personvolym.volymtyp = insatskostnad.volymtyp
    where insatskostnad.is_brukarrelaterad and insatskostnad.volym > 0
),

fordelning as (
    {{ kpb_storsta_rest(
        'underlag',
        grupp=['kommun_kod', 'ar', 'insats_kod', 'regi'],
        belopp_ore='insats_ore',
        nyckel='volym_e4',
        ordning=['person_id'],
        behall=['kommun_kod', 'ar', 'person_id', 'insats_kod', 'regi', 'volymtyp', 'mattenhet', 'volym',
            'enhetskostnad']) | indent(4) }}
),

final as (
    select
        kommun_kod,
        cast(ar as integer) as ar,
        person_id,
        insats_kod,
        regi,
        volymtyp,
        mattenhet,
        volym,
        enhetskostnad,
        {{ kpb_till_kronor('fordelat_ore') }} as kostnad
    from fordelning
)

select * from final
{#- in key order within what one build writes: a monthly build appends the years it recomputed -#}
{{- radordning() }}
