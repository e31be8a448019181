using System.Collections.Frozen;

namespace KneeSpine.Web.Assessments.Forms;

/// <summary>Plain-language text for the codes offered as answers, e.g. <c>varus</c> is "Bow-legged (varus)".</summary>
/// <remarks>Codes not listed read as themselves with spaces ("hip-osteoarthritis" is "Hip osteoarthritis").</remarks>
public static class CodeLabels
{
    private static readonly FrozenDictionary<string, string> Special = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["patient.sex:unknown"] = "Prefer not to say",
        ["surgery.side:both"] = "Both knees",
        ["surgery.procedure:total"] = "Total knee replacement",
        ["surgery.procedure:partial"] = "Partial knee replacement",
        ["surgery.procedure:revision"] = "Revision (a repeat operation)",
        ["surgery.anesthesia:spinal"] = "Spinal (an injection in the back)",
        ["surgery.anesthesia:epidural"] = "Epidural (a thin tube in the back)",
        ["surgery.anesthesia:combined-spinal-epidural"] = "Combined spinal and epidural",
        ["surgery.anesthesia:general"] = "General (put to sleep)",
        ["surgery.anesthesia:unknown"] = "I don't know",
        ["surgery.preoperativeAlignment:varus"] = "Bow-legged (varus)",
        ["surgery.preoperativeAlignment:valgus"] = "Knock-kneed (valgus)",
        ["surgery.preoperativeAlignment:neutral"] = "Neither (straight)",
        ["surgery.preoperativeAlignment:unknown"] = "I don't know",
        ["backPain.frequency:none"] = "Not at all",
        ["backPain.frequency:occasional"] = "Now and then",
        ["backPain.frequency:frequent"] = "Often",
        ["backPain.frequency:constant"] = "All the time",
        ["backPain.startedWhen:before-surgery"] = "Before the knee operation",
        ["backPain.startedWhen:after-surgery"] = "After the knee operation",
        ["backPain.historyBeforeSurgery:none"] = "Never",
        ["backPain.historyBeforeSurgery:occasional"] = "Now and then",
        ["backPain.historyBeforeSurgery:chronic"] = "Most of the time (long-lasting back pain)",
        ["activity.levelBeforeSurgery:sedentary"] = "Mostly sitting",
        ["activity.levelBeforeSurgery:light"] = "Lightly active",
        ["activity.levelBeforeSurgery:moderate"] = "Moderately active",
        ["activity.levelBeforeSurgery:vigorous"] = "Very active",
        ["activity.walkingAid:none"] = "Nothing",
        ["activity.walkingAid:cane"] = "A walking stick (cane)",
        ["activity.walkingAid:walker"] = "A walking frame (walker)",
        ["sleep.troubleSleeping:none"] = "None",
        ["medications.anticoagulant:none"] = "No",
        ["medications.anticoagulant:prophylactic"] = "Yes, a low dose to prevent clots after surgery",
        ["medications.anticoagulant:therapeutic"] = "Yes, a full dose (for example for a clot or the heart)",
        ["medications.anticoagulant:unknown"] = "I don't know",
        ["medications.painMedicines:paracetamol"] = "Paracetamol (acetaminophen)",
        ["medications.painMedicines:nsaid"] = "Anti-inflammatory (for example ibuprofen or naproxen)",
        ["medications.painMedicines:opioid"] = "Strong pain medicine (for example codeine, tramadol, morphine)",
        ["medications.painMedicines:gabapentinoid"] = "Nerve pain medicine (gabapentin or pregabalin)",
        ["medications.painMedicines:other"] = "Something else",
        ["conditions:cancer-history"] = "Cancer, now or in the past",
        ["conditions:lumbar-spinal-stenosis"] = "Narrowing of the spine in the lower back (lumbar spinal stenosis)",
        ["conditions:degenerative-disc-disease"] = "Worn discs in the back (degenerative disc disease)",
        ["conditions:spondylolisthesis"] = "A slipped vertebra (spondylolisthesis)",
        ["conditions:hip-osteoarthritis"] = "Arthritis of the hip",
        ["conditions:inflammatory-arthritis"] = "Inflammatory arthritis (for example rheumatoid arthritis)",
        ["conditions:peripheral-neuropathy"] = "Numb or tingling feet from nerve damage (peripheral neuropathy)",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The text shown for <paramref name="code"/> as an answer to the field at <paramref name="path"/>.</summary>
    public static string For(string path, string code) =>
        Special.TryGetValue(path + ":" + code, out var text) ? text
        : string.Concat(char.ToUpperInvariant(code[0]).ToString(), code[1..].Replace('-', ' '));
}
