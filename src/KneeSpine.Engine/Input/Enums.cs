namespace KneeSpine.Engine.Input;

// The code sets of assessment-input.schema.json. Member names are the PascalCase form of the
// schema's kebab-case codes; Code<T> maps between them. Order follows the schema.

/// <summary>Patient sex (<c>patient.sex</c>).</summary>
public enum Sex { /** <summary>female</summary> */ Female, /** <summary>male</summary> */ Male, /** <summary>other</summary> */ Other, /** <summary>unknown</summary> */ Unknown }

/// <summary>Operated side (<c>surgery.side</c>).</summary>
public enum SurgerySide { /** <summary>left</summary> */ Left, /** <summary>right</summary> */ Right, /** <summary>both</summary> */ Both }

/// <summary>Kind of knee replacement (<c>surgery.procedure</c>).</summary>
public enum SurgeryProcedure { /** <summary>total</summary> */ Total, /** <summary>partial</summary> */ Partial, /** <summary>revision</summary> */ Revision }

/// <summary>Anaesthesia used for the surgery (<c>surgery.anesthesia</c>).</summary>
public enum Anesthesia { /** <summary>spinal</summary> */ Spinal, /** <summary>epidural</summary> */ Epidural, /** <summary>combined-spinal-epidural</summary> */ CombinedSpinalEpidural, /** <summary>general</summary> */ General, /** <summary>unknown</summary> */ Unknown }

/// <summary>Knee shape before surgery (<c>surgery.preoperativeAlignment</c>): varus is bow-legged, valgus knock-kneed.</summary>
public enum KneeAlignment { /** <summary>varus</summary> */ Varus, /** <summary>valgus</summary> */ Valgus, /** <summary>neutral</summary> */ Neutral, /** <summary>unknown</summary> */ Unknown }

/// <summary>How often the back hurts (<c>backPain.frequency</c>).</summary>
public enum PainFrequency { /** <summary>none</summary> */ None, /** <summary>occasional</summary> */ Occasional, /** <summary>frequent</summary> */ Frequent, /** <summary>constant</summary> */ Constant }

/// <summary>When this back pain started (<c>backPain.startedWhen</c>).</summary>
public enum PainOnset { /** <summary>before-surgery</summary> */ BeforeSurgery, /** <summary>after-surgery</summary> */ AfterSurgery }

/// <summary>Back pain in the year before the knee surgery (<c>backPain.historyBeforeSurgery</c>).</summary>
public enum BackPainHistory { /** <summary>none</summary> */ None, /** <summary>occasional</summary> */ Occasional, /** <summary>chronic</summary> */ Chronic }

/// <summary>Activity level before surgery (<c>activity.levelBeforeSurgery</c>).</summary>
public enum ActivityLevel { /** <summary>sedentary</summary> */ Sedentary, /** <summary>light</summary> */ Light, /** <summary>moderate</summary> */ Moderate, /** <summary>vigorous</summary> */ Vigorous }

/// <summary>Walking aid in use (<c>activity.walkingAid</c>).</summary>
public enum WalkingAid { /** <summary>none</summary> */ None, /** <summary>cane</summary> */ Cane, /** <summary>crutches</summary> */ Crutches, /** <summary>walker</summary> */ Walker }

/// <summary>Trouble sleeping (<c>sleep.troubleSleeping</c>).</summary>
public enum SleepTrouble { /** <summary>none</summary> */ None, /** <summary>mild</summary> */ Mild, /** <summary>moderate</summary> */ Moderate, /** <summary>severe</summary> */ Severe }

/// <summary>Known conditions (<c>conditions</c>).</summary>
public enum Condition
{
    /** <summary>obesity</summary> */ Obesity,
    /** <summary>diabetes</summary> */ Diabetes,
    /** <summary>osteoporosis</summary> */ Osteoporosis,
    /** <summary>lumbar-spinal-stenosis</summary> */ LumbarSpinalStenosis,
    /** <summary>degenerative-disc-disease</summary> */ DegenerativeDiscDisease,
    /** <summary>spondylolisthesis</summary> */ Spondylolisthesis,
    /** <summary>hip-osteoarthritis</summary> */ HipOsteoarthritis,
    /** <summary>inflammatory-arthritis</summary> */ InflammatoryArthritis,
    /** <summary>fibromyalgia</summary> */ Fibromyalgia,
    /** <summary>depression</summary> */ Depression,
    /** <summary>anxiety</summary> */ Anxiety,
    /** <summary>cancer-history</summary> */ CancerHistory,
    /** <summary>kidney-disease</summary> */ KidneyDisease,
    /** <summary>heart-disease</summary> */ HeartDisease,
    /** <summary>peripheral-neuropathy</summary> */ PeripheralNeuropathy,
    /** <summary>immunosuppression</summary> */ Immunosuppression,
}

/// <summary>Blood thinner use (<c>medications.anticoagulant</c>).</summary>
public enum AnticoagulantUse { /** <summary>none</summary> */ None, /** <summary>prophylactic</summary> */ Prophylactic, /** <summary>therapeutic</summary> */ Therapeutic, /** <summary>unknown</summary> */ Unknown }

/// <summary>Pain medicines in use (<c>medications.painMedicines</c>).</summary>
public enum PainMedicine { /** <summary>paracetamol</summary> */ Paracetamol, /** <summary>nsaid</summary> */ Nsaid, /** <summary>opioid</summary> */ Opioid, /** <summary>gabapentinoid</summary> */ Gabapentinoid, /** <summary>other</summary> */ Other }

/// <summary>Antiplatelet use (<c>medications.antiplatelet</c>).</summary>
public enum AntiplateletUse { /** <summary>none</summary> */ None, /** <summary>aspirin</summary> */ Aspirin, /** <summary>other</summary> */ Other, /** <summary>unknown</summary> */ Unknown }
