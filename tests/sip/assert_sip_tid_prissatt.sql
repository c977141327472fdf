{{ config(tags=['sip'], severity='warn') }}

{# Every SIP time report gets a salary cost (seed sip_lonekostnad: the role or '*', the principal, a year not after
    the report's). A report without one is left out of the administrative cost: warn, naming file and line. #}

select
    kalla_fil,
    kalla_rad,
    huvudman,
    yrkesroll,
    ar
from {{ ref('int_sip_tid_kostnad') }}
where kostnad is null
