// Which movement rules a drill's key positions meet. Included twice, like `schema.rs`: by
// `build.rs`, which stores each drill's movements in the generated dataset so that no drill can
// be shown without the precautions its own positions imply, and by `src/dataset/mod.rs`, so
// tests can recompute them and lookups can explain them. Written for both expansions of the
// schema (owned at build time, `'static` at run time): it only reads fields and compares enums.

/// The value of `measure` in `position`, reading hip and knee angles from `limb`.
#[allow(dead_code)]
pub fn measure(position: &KeyPosition, limb: &Limb, measure: Measure) -> i16 {
    let trunk = |segment: fn(&Segment) -> i16| segment(&position.lumbar) + segment(&position.thoracic);
    match measure {
        Measure::HipFlexion => limb.hip_flexion,
        Measure::HipExtension => -limb.hip_flexion,
        Measure::HipAbduction => limb.hip_abduction,
        Measure::HipAdduction => -limb.hip_abduction,
        Measure::HipExternalRotation => limb.hip_rotation,
        Measure::HipInternalRotation => -limb.hip_rotation,
        Measure::KneeFlexion => limb.knee_flexion,
        Measure::LumbarFlexion => position.lumbar.flexion,
        Measure::TrunkFlexion => trunk(|segment| segment.flexion),
        Measure::TrunkExtension => -trunk(|segment| segment.flexion),
        Measure::TrunkRotation => trunk(|segment| segment.rotation).abs(),
        Measure::TrunkSideBend => trunk(|segment| segment.side_bend).abs(),
        Measure::NeckFlexion => position.neck.flexion,
        Measure::NeckExtension => -position.neck.flexion,
        Measure::NeckRotation => position.neck.rotation.abs(),
        Measure::NeckSideBend => position.neck.side_bend.abs(),
        Measure::LegsApart => position.left.hip_abduction + position.right.hip_abduction,
    }
}

/// Whether everything `clause` names holds in `position`, its angles on one side.
#[allow(dead_code)]
pub fn clause_holds(clause: &Clause, position: &KeyPosition) -> bool {
    let posture = clause.postures.is_empty() || clause.postures.contains(&position.posture);
    let load = clause.loads.is_empty() || clause.loads.iter().any(|load| position.load.contains(load));
    let support = !clause.unsupported || position.support.is_empty();
    let held = !clause.held || position.held;
    let angles = [&position.left, &position.right].into_iter().any(|limb| {
        clause.angles.iter().all(|bound| {
            let value = measure(position, limb, bound.measure);
            bound.over.is_none_or(|over| value > over) && bound.under.is_none_or(|under| value < under)
        })
    });
    posture && load && support && held && angles
}

/// Whether any of `rule`'s clauses holds in any of `positions`.
#[allow(dead_code)]
pub fn rule_applies(rule: &MovementRule, positions: &[KeyPosition]) -> bool {
    positions.iter().any(|position| rule.when.iter().any(|clause| clause_holds(clause, position)))
}
