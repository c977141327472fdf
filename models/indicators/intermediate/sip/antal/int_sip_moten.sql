{#- SIP meetings in SAMSA: the establishing meeting (upprattad) and each follow-up (uppfoljd), one row per plan,
    event and time however many units are registered on it, with the meeting form (fysiskt / video / telefon)
    and whether it was held at a distance (video or telefon). Grain: sip_id, handelse, mote_tid. -#}

with

handelser as (
    select * from {{ ref('stg_samsa__sip_handelser') }}
),

moten as (
    select
        sip_id,
        handelse,
        handelse_tid as mote_tid,
        min(person_id) as person_id,
        min(kommun_kod) as kommun_kod,
        {# units disagreeing on the form: the first in alphabetical order (deterministic) #}
        min(motesform) as motesform,
        count(distinct enhet_id) as antal_enheter
    from handelser
    where handelse in ('upprattad', 'uppfoljd') and handelse_tid is not null
    group by sip_id, handelse, handelse_tid
),

final as (
    select
        sip_id,
        handelse,
        mote_tid,
        cast(mote_tid as date) as motesdatum,
        person_id,
        kommun_kod,
        motesform,
        motesform in ('video', 'telefon') as is_distans,
        cast(antal_enheter as bigint) as antal_enheter
    from moten
)

select * from final
