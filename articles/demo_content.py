"""Demo data for articles.demo: body parts and procedure articles.

The first article is the seed page's knee osteotomy, kept fact for fact. The others are
plausible general patient information written for the demo; none of it has been medically
reviewed and none of it is medical advice.

Text fields are Markdown. The renderer turns single newlines into line breaks, so each
paragraph is one logical line (built here from adjacent string literals) and paragraphs are
separated by a blank line.
"""

DEMO_REVIEWER = "Demo content — not medically reviewed"

BODY_PARTS = [
    ("knee", "Knee", "Procedures on the knee joint, its ligaments and cartilage."),
    ("hip", "Hip", "Procedures on the hip joint, where the thigh bone meets the pelvis."),
    ("shoulder", "Shoulder", "Procedures on the shoulder joint and the rotator cuff."),
    ("spine", "Spine", "Procedures on the bones, discs and nerves of the back and neck."),
    ("foot-ankle", "Foot & ankle", "Procedures on the bones and joints of the foot and ankle."),
    ("hand-wrist", "Hand & wrist", "Procedures on the hand, fingers and wrist."),
    ("elbow", "Elbow", "Procedures on the elbow joint and the nerves around it."),
]

ARTICLES = [
    {
        "title": "Knee osteotomy",
        "slug": "knee-osteotomy",
        "body_part": "knee",
        "other_names": "bone realignment",
        "specialist": "Orthopedic surgeon",
        "summary": (
            "An osteotomy is a cutting of bone. When applied to the knee, it is most often used "
            "to correct a misalignment disorder that is causing a knee problem."
            "\n\n"
            "When misalignment is causing degeneration of the knee (arthritis), an osteotomy may "
            "be considered as long as the arthritis is not too far progressed. If the arthritis "
            "is long-standing, the realignment procedure may not significantly improve the "
            "condition."
        ),
        "why_done": (
            "Other reasons for an osteotomy include previous trauma and abnormal bone healing. "
            "It can also be used to correct muscle imbalances."
            "\n\n"
            "The reasons to perform an osteotomy vary, and it is undertaken only after all "
            "non-operative options are exhausted."
        ),
        "description": (
            "After the bone is cut and realigned, plates and screws are often used to keep the "
            "bone in the new, appropriate alignment."
            "\n\n"
            "As long as the plates and screws do not cause a problem, they are usually left in "
            "place permanently. The only exceptions are pain from the hardware, and when the "
            "bone still has growth remaining and may continue to grow and therefore possibly "
            "outgrow the hardware."
        ),
        "hospital_stay_min_days": 1,
        "hospital_stay_max_days": 4,
        "home_recovery_min_weeks": 4,
        "home_recovery_max_weeks": 12,
        "home_recovery_note": "depending on surgery",
        "care_instructions": [
            "While resting in bed, reduce the swelling by elevating your leg and moving "
            "frequently (pump your ankles).",
            "Use crutches to walk until your doctor says otherwise.",
            "Wear comfortable shoes.",
            "Stay within your safe range of motion as directed by your doctor.",
            "Bathe and shower as directed by your physician.",
            "Ice the knee.",
            "Avoid strenuous activities.",
        ],
        "restrictions": (
            "Avoid strenuous activities. Restrictions may last up to 9–12 months after surgery."
        ),
        "restriction_min_months": 9,
        "restriction_max_months": 12,
        "risks": (
            "An osteotomy has risks associated with it. It often requires a fairly large "
            "surgery, and the possibility of infection and failure to heal present the biggest "
            "challenges. An infection can be serious, and healing can take an extended period "
            "of time."
            "\n\n"
            "The decision to undergo osteotomy is a shared decision between you and your "
            "doctor. Sometimes the osteotomy is part of a larger, long-term plan that may "
            "include additional surgeries in the future."
        ),
        "medicines": "Prescription and non-prescription painkillers.",
        "warning_signs": [
            (
                "Pain in the knee increases.",
                "more pain, worse pain, pain getting worse, increasing pain, severe pain, "
                "unbearable, agony, throbbing",
            ),
            (
                "Swelling in the knee increases.",
                "swelling, swollen, swelled, puffy, more swelling, bigger, tight",
            ),
            (
                "Redness around the knee increases.",
                "redness, red, reddish, inflamed, red streaks, hot to touch, warm to touch",
            ),
            (
                "Drainage from the wound increases.",
                "drainage, draining, discharge, oozing, leaking, pus, fluid, weeping, smell",
            ),
            (
                "Bleeding from the knee increases.",
                "bleeding, blood, bleed, soaked, bloody dressing",
            ),
            (
                "You have a fever or any other symptoms which suggest infection.",
                "fever, temperature, chills, shivering, sweats, night sweats, infection, "
                "infected, feverish",
            ),
        ],
        "sources": "",
        "reviewer_name": "",
        "reviewer_credentials": "",
        "last_reviewed_on": "2001-10-26",
        "next_review_due_on": "2002-10-26",
        "is_featured": True,
    },
    {
        "title": "ACL reconstruction",
        "slug": "acl-reconstruction",
        "body_part": "knee",
        "other_names": "anterior cruciate ligament reconstruction\nACL repair",
        "specialist": "Orthopedic surgeon",
        "summary": (
            "The anterior cruciate ligament (ACL) is one of the main ligaments that keep the "
            "knee stable. ACL reconstruction replaces a torn ligament with a graft, a piece of "
            "tendon taken from your own leg or from a donor."
        ),
        "why_done": (
            "An ACL tear often happens during sport, with a sudden twist, stop or change of "
            "direction. Some people manage well with physiotherapy alone. Surgery may be "
            "considered if the knee keeps giving way, if you want to return to sports that "
            "involve pivoting, or if other parts of the knee are also injured."
            "\n\n"
            "Whether and when to operate is a decision you make with your surgeon."
        ),
        "description": (
            "The operation is usually done by keyhole surgery (arthroscopy). The surgeon "
            "removes the torn ligament, drills small tunnels in the thigh bone and shin bone, "
            "and passes the graft through them. The graft is held in place with screws or "
            "other fixing devices, and over the following months it becomes the new ligament."
            "\n\n"
            "Which graft is used depends on your knee, your activities and your surgeon's "
            "practice; your surgeon will tell you the options."
        ),
        "hospital_stay_min_days": 0,
        "hospital_stay_max_days": 1,
        "home_recovery_min_weeks": 2,
        "home_recovery_max_weeks": 6,
        "home_recovery_note": "depending on your work",
        "care_instructions": [
            "Follow the exercise programme from your physiotherapist; rehabilitation is a large "
            "part of the recovery.",
            "Use crutches until your surgeon or physiotherapist says you can stop.",
            "Elevate the leg and use ice to help control swelling.",
            "Wear a brace only if your surgeon has asked you to.",
            "Keep the wounds clean and dry until they have healed.",
            "Take your painkillers as directed.",
        ],
        "restrictions": (
            "Avoid running, jumping and twisting until your surgeon or physiotherapist says it "
            "is safe. A return to sports that involve pivoting is often not advised for many "
            "months; your surgeon will tell you what to expect."
        ),
        "restriction_min_months": 6,
        "restriction_max_months": 12,
        "risks": (
            "Possible problems include infection, bleeding, stiffness, ongoing knee pain, "
            "numbness around the scar, blood clots in the leg, and the graft stretching or "
            "tearing again. Your surgeon will discuss how these risks apply to you."
        ),
        "medicines": (
            "Prescription and non-prescription painkillers. Some people are given medicine to "
            "reduce the risk of blood clots; your surgeon will tell you if you need it."
        ),
        "warning_signs": [
            (
                "Pain increases or is not controlled by your painkillers.",
                "more pain, worse pain, severe pain, pain getting worse, painkillers not working",
            ),
            (
                "Redness, warmth or discharge around the wounds.",
                "redness, red, warm, hot, discharge, oozing, pus, leaking, wound",
            ),
            (
                "Fever or other signs of infection.",
                "fever, temperature, chills, shivering, sweats, infection, infected",
            ),
            (
                "Pain, swelling or tenderness in the calf.",
                "calf, calf pain, swollen calf, leg swelling, clot, dvt, tender calf",
            ),
            (
                "Sudden shortness of breath or chest pain: call emergency services.",
                "short of breath, shortness of breath, breathless, chest pain, can't breathe",
            ),
        ],
        "sources": "",
        "reviewer_name": DEMO_REVIEWER,
        "reviewer_credentials": "",
        "last_reviewed_on": "2026-02-10",
        "next_review_due_on": "2027-02-10",
        "is_featured": False,
    },
    {
        "title": "Total knee replacement",
        "slug": "total-knee-replacement",
        "body_part": "knee",
        "other_names": "TKR\ntotal knee arthroplasty\nknee replacement",
        "specialist": "Orthopedic surgeon",
        "summary": (
            "A total knee replacement replaces the worn surfaces of the knee joint with "
            "artificial parts made of metal and plastic. It aims to relieve pain and improve "
            "movement in a badly damaged knee."
        ),
        "why_done": (
            "The most common reason is severe arthritis. It may be considered when knee pain "
            "and stiffness limit everyday activities, such as walking, climbing stairs or "
            "sleeping, and when other treatments such as exercise, weight management, "
            "painkillers or injections no longer help enough."
        ),
        "description": (
            "Through a cut at the front of the knee, the surgeon removes the damaged ends of "
            "the thigh bone and shin bone and shapes them to fit the new parts. The parts are "
            "fixed to the bone, often with bone cement, and a plastic spacer sits between them "
            "to allow smooth movement. The back of the kneecap may also be resurfaced."
            "\n\n"
            "Getting up and walking, with help, usually starts soon after the operation. Your "
            "surgeon will tell you what to expect."
        ),
        "hospital_stay_min_days": 1,
        "hospital_stay_max_days": 4,
        "home_recovery_min_weeks": 6,
        "home_recovery_max_weeks": 12,
        "home_recovery_note": "",
        "care_instructions": [
            "Do the exercises your physiotherapist gives you every day.",
            "Use crutches or a walking aid until you are told you can stop.",
            "Elevate the leg and use ice to help control swelling.",
            "Keep the wound clean and dry until it has healed.",
            "Remove rugs and clutter at home to reduce the risk of falls.",
            "Do not drive until your surgeon says it is safe.",
        ],
        "restrictions": (
            "Avoid high-impact activities such as running and jumping. Many people return to "
            "walking, swimming and cycling; your surgeon will tell you which activities suit "
            "your new knee."
        ),
        "restriction_min_months": 3,
        "restriction_max_months": 6,
        "risks": (
            "Possible problems include infection, blood clots, stiffness, ongoing pain, damage "
            "to nearby nerves or blood vessels, and the new joint loosening or wearing out over "
            "time, which may need further surgery. Your surgeon will discuss how these risks "
            "apply to you."
        ),
        "medicines": (
            "Prescription and non-prescription painkillers. Medicine to reduce the risk of "
            "blood clots is often given for a period after surgery."
        ),
        "warning_signs": [
            (
                "Pain or swelling in the knee increases.",
                "more pain, worse pain, severe pain, more swelling, swollen, swelling",
            ),
            (
                "Redness, warmth, discharge or bleeding at the wound.",
                "redness, red, warm, hot, discharge, oozing, pus, leaking, bleeding, wound",
            ),
            (
                "Fever or other signs of infection.",
                "fever, temperature, chills, shivering, sweats, infection, infected",
            ),
            (
                "Pain, swelling or tenderness in the calf.",
                "calf, calf pain, swollen calf, leg swelling, clot, dvt, tender calf",
            ),
            (
                "Sudden shortness of breath or chest pain: call emergency services.",
                "short of breath, shortness of breath, breathless, chest pain, can't breathe",
            ),
        ],
        "sources": "",
        "reviewer_name": DEMO_REVIEWER,
        "reviewer_credentials": "",
        "last_reviewed_on": "2026-01-20",
        "next_review_due_on": "2027-01-20",
        "is_featured": False,
    },
    {
        "title": "Minimally invasive total knee replacement",
        "slug": "minimally-invasive-total-knee-replacement",
        "body_part": "knee",
        "other_names": "MIS knee replacement\nminimally invasive knee arthroplasty",
        "specialist": "Orthopedic surgeon",
        "summary": (
            "A minimally invasive total knee replacement puts in the same kind of artificial "
            "knee joint as a standard knee replacement, but through a shorter cut and with less "
            "disturbance of the muscles and tissues around the knee."
        ),
        "why_done": (
            "The reasons are the same as for a standard knee replacement, most often severe "
            "arthritis that limits daily life when other treatments no longer help enough."
            "\n\n"
            "This approach is not suitable for everyone. Body size, the shape of the knee and "
            "previous surgery can all matter; your surgeon will tell you whether it is an "
            "option for you."
        ),
        "description": (
            "Using specially designed instruments, the surgeon removes the damaged joint "
            "surfaces and fits the new parts through a smaller opening. The aim is less pain "
            "and a quicker early recovery, although the results after a few months are often "
            "similar to those of a standard knee replacement."
        ),
        "hospital_stay_min_days": 0,
        "hospital_stay_max_days": 3,
        "home_recovery_min_weeks": 4,
        "home_recovery_max_weeks": 12,
        "home_recovery_note": "",
        "care_instructions": [
            "Do the exercises your physiotherapist gives you every day.",
            "Use crutches or a walking aid until you are told you can stop.",
            "Elevate the leg and use ice to help control swelling.",
            "Keep the wound clean and dry until it has healed.",
            "Do not drive until your surgeon says it is safe.",
        ],
        "restrictions": (
            "Avoid high-impact activities such as running and jumping. Your surgeon will tell "
            "you when you can return to work, driving and sport."
        ),
        "restriction_min_months": 3,
        "restriction_max_months": 6,
        "risks": (
            "The risks are similar to those of a standard knee replacement: infection, blood "
            "clots, stiffness, ongoing pain, nerve or blood vessel damage, and loosening or wear "
            "of the new joint. A smaller opening can make it harder for the surgeon to see, "
            "which is one reason this approach is not used for everyone."
        ),
        "medicines": (
            "Prescription and non-prescription painkillers. Medicine to reduce the risk of "
            "blood clots is often given for a period after surgery."
        ),
        "warning_signs": [
            (
                "Pain or swelling in the knee increases.",
                "more pain, worse pain, severe pain, more swelling, swollen, swelling",
            ),
            (
                "Redness, warmth, discharge or bleeding at the wound.",
                "redness, red, warm, hot, discharge, oozing, pus, leaking, bleeding, wound",
            ),
            (
                "Fever or other signs of infection.",
                "fever, temperature, chills, shivering, sweats, infection, infected",
            ),
            (
                "Pain, swelling or tenderness in the calf.",
                "calf, calf pain, swollen calf, leg swelling, clot, dvt, tender calf",
            ),
            (
                "Sudden shortness of breath or chest pain: call emergency services.",
                "short of breath, shortness of breath, breathless, chest pain, can't breathe",
            ),
        ],
        "sources": "",
        "reviewer_name": DEMO_REVIEWER,
        "reviewer_credentials": "",
        "last_reviewed_on": "2026-01-20",
        "next_review_due_on": "2027-01-20",
        "is_featured": False,
    },
    {
        "title": "Knee arthroscopy",
        "slug": "knee-arthroscopy",
        "body_part": "knee",
        "other_names": "keyhole knee surgery\nknee scope",
        "specialist": "Orthopedic surgeon",
        "summary": (
            "A knee arthroscopy is keyhole surgery on the knee. The surgeon looks inside the "
            "joint with a thin camera (an arthroscope) and can treat some problems through small "
            "cuts."
        ),
        "why_done": (
            "It may be used to treat certain tears of the meniscus (the cartilage cushions in "
            "the knee), remove loose pieces of bone or cartilage, or repair ligaments. It is "
            "generally not recommended for knee pain caused by arthritis alone."
            "\n\n"
            "Whether it is likely to help depends on the cause of your symptoms; your surgeon "
            "will tell you."
        ),
        "description": (
            "The operation is often done as a day case. The surgeon makes two or more small "
            "cuts around the knee, fills the joint with sterile fluid so it can be seen "
            "clearly, and uses small instruments to trim, repair or remove tissue. The cuts are "
            "closed with stitches or adhesive strips."
        ),
        "hospital_stay_min_days": 0,
        "hospital_stay_max_days": 1,
        "home_recovery_min_weeks": 1,
        "home_recovery_max_weeks": 6,
        "home_recovery_note": "depending on what was done",
        "care_instructions": [
            "Rest and elevate the leg for the first few days.",
            "Use ice to help control swelling.",
            "Use crutches if you have been given them, for as long as you are told.",
            "Do the exercises you have been shown to keep the knee moving.",
            "Keep the wounds clean and dry until they have healed.",
        ],
        "restrictions": (
            "Build up activity gradually. If a meniscus or ligament was repaired, you may have "
            "stricter limits on bending and weight-bearing; your surgeon will tell you."
        ),
        "restriction_min_months": 1,
        "restriction_max_months": 3,
        "risks": (
            "Problems are uncommon but can include infection, bleeding into the joint, "
            "stiffness, numbness around the cuts and blood clots in the leg. Your symptoms may "
            "not improve as much as you hope."
        ),
        "medicines": "Prescription and non-prescription painkillers.",
        "warning_signs": [
            (
                "Pain or swelling in the knee increases.",
                "more pain, worse pain, severe pain, more swelling, swollen, swelling",
            ),
            (
                "Redness, warmth or discharge around the cuts.",
                "redness, red, warm, hot, discharge, oozing, pus, leaking, wound",
            ),
            (
                "Fever or other signs of infection.",
                "fever, temperature, chills, shivering, sweats, infection, infected",
            ),
            (
                "Pain, swelling or tenderness in the calf.",
                "calf, calf pain, swollen calf, leg swelling, clot, dvt, tender calf",
            ),
        ],
        "sources": "",
        "reviewer_name": DEMO_REVIEWER,
        "reviewer_credentials": "",
        "last_reviewed_on": "2026-03-05",
        "next_review_due_on": "2027-03-05",
        "is_featured": False,
    },
    {
        "title": "Hip replacement",
        "slug": "hip-replacement",
        "body_part": "hip",
        "other_names": "THR\ntotal hip arthroplasty",
        "specialist": "Orthopedic surgeon",
        "summary": (
            "A hip replacement replaces a damaged hip joint with an artificial one. The ball at "
            "the top of the thigh bone and the socket in the pelvis are replaced with parts "
            "made of metal, plastic or ceramic."
        ),
        "why_done": (
            "The most common reason is arthritis that causes severe pain and stiffness and "
            "limits everyday activities when other treatments no longer help enough. It is "
            "also used to treat some hip fractures and other conditions that damage the joint."
        ),
        "description": (
            "Through a cut over the hip, the surgeon removes the damaged ball and prepares the "
            "socket. A new socket is fitted into the pelvis and a stem with a new ball is fitted "
            "into the thigh bone. The parts may be fixed with bone cement or made so that bone "
            "grows onto them."
            "\n\n"
            "Getting up and walking, with help, usually starts soon after the operation."
        ),
        "hospital_stay_min_days": 1,
        "hospital_stay_max_days": 4,
        "home_recovery_min_weeks": 6,
        "home_recovery_max_weeks": 12,
        "home_recovery_note": "",
        "care_instructions": [
            "Do the exercises your physiotherapist gives you every day.",
            "Use crutches or a walking aid until you are told you can stop.",
            "Follow any advice you are given about positions and movements to avoid.",
            "Keep the wound clean and dry until it has healed.",
            "Remove rugs and clutter at home to reduce the risk of falls.",
            "Do not drive until your surgeon says it is safe.",
        ],
        "restrictions": (
            "Avoid high-impact activities such as running and jumping. Some surgeons advise "
            "avoiding certain hip positions for a time; your surgeon will tell you which "
            "movements and activities are safe."
        ),
        "restriction_min_months": 3,
        "restriction_max_months": 6,
        "risks": (
            "Possible problems include infection, blood clots, dislocation of the new joint, "
            "a difference in leg length, nerve damage, and loosening or wear of the new joint "
            "over time, which may need further surgery. Your surgeon will discuss how these "
            "risks apply to you."
        ),
        "medicines": (
            "Prescription and non-prescription painkillers. Medicine to reduce the risk of "
            "blood clots is often given for a period after surgery."
        ),
        "warning_signs": [
            (
                "Pain in the hip increases.",
                "more pain, worse pain, severe pain, pain getting worse, groin pain",
            ),
            (
                "Redness, warmth, discharge or bleeding at the wound.",
                "redness, red, warm, hot, discharge, oozing, pus, leaking, bleeding, wound",
            ),
            (
                "Fever or other signs of infection.",
                "fever, temperature, chills, shivering, sweats, infection, infected",
            ),
            (
                "The leg looks shorter or turned, or you cannot put weight on it.",
                "dislocated, dislocation, popped, clunk, leg shorter, can't walk, can't put weight",
            ),
            (
                "Pain, swelling or tenderness in the calf.",
                "calf, calf pain, swollen calf, leg swelling, clot, dvt, tender calf",
            ),
            (
                "Sudden shortness of breath or chest pain: call emergency services.",
                "short of breath, shortness of breath, breathless, chest pain, can't breathe",
            ),
        ],
        "sources": "",
        "reviewer_name": DEMO_REVIEWER,
        "reviewer_credentials": "",
        "last_reviewed_on": "2026-02-24",
        "next_review_due_on": "2027-02-24",
        "is_featured": False,
    },
    {
        "title": "Rotator cuff repair",
        "slug": "rotator-cuff-repair",
        "body_part": "shoulder",
        "other_names": "shoulder tendon repair",
        "specialist": "Orthopedic surgeon",
        "summary": (
            "The rotator cuff is a group of muscles and tendons that hold the shoulder joint in "
            "place and help you lift and turn your arm. A rotator cuff repair reattaches a torn "
            "tendon to the bone."
        ),
        "why_done": (
            "Tears can follow an injury or develop gradually with age and wear. Many are "
            "treated with rest, physiotherapy and painkillers. Surgery may be considered if "
            "pain and weakness continue despite these treatments, or after a large tear caused "
            "by an injury."
        ),
        "description": (
            "The repair is often done by keyhole surgery, sometimes with a small open cut. The "
            "surgeon stitches the torn tendon back to the bone, usually using small anchors "
            "placed in the bone. Any bone spurs that rub on the tendon may also be removed."
            "\n\n"
            "Afterwards the arm is usually supported in a sling for several weeks while the "
            "tendon heals; your surgeon will tell you for how long."
        ),
        "hospital_stay_min_days": 0,
        "hospital_stay_max_days": 1,
        "home_recovery_min_weeks": 4,
        "home_recovery_max_weeks": 12,
        "home_recovery_note": "depending on your work",
        "care_instructions": [
            "Wear your sling as directed, including at night if you are told to.",
            "Do only the exercises your physiotherapist gives you, at the stage they give them.",
            "Use ice to help with pain and swelling.",
            "Keep the wounds clean and dry until they have healed.",
            "Many people find sleeping propped up more comfortable at first.",
        ],
        "restrictions": (
            "Do not lift, push or pull with the arm until your surgeon says you can. Heavy "
            "lifting and overhead work or sport are often limited for several months."
        ),
        "restriction_min_months": 4,
        "restriction_max_months": 6,
        "risks": (
            "Possible problems include infection, stiffness, ongoing pain, nerve injury and the "
            "tendon tearing again, which is more likely with large or long-standing tears. "
            "Recovery is gradual and can take many months."
        ),
        "medicines": "Prescription and non-prescription painkillers.",
        "warning_signs": [
            (
                "Pain in the shoulder increases or is not controlled by your painkillers.",
                "more pain, worse pain, severe pain, pain getting worse, painkillers not working",
            ),
            (
                "Redness, warmth, discharge or bleeding at the wounds.",
                "redness, red, warm, hot, discharge, oozing, pus, leaking, bleeding, wound",
            ),
            (
                "Fever or other signs of infection.",
                "fever, temperature, chills, shivering, sweats, infection, infected",
            ),
            (
                "Numbness, tingling, coldness or colour change in the arm or hand.",
                "numb, numbness, tingling, pins and needles, cold hand, blue, pale, white",
            ),
        ],
        "sources": "",
        "reviewer_name": DEMO_REVIEWER,
        "reviewer_credentials": "",
        "last_reviewed_on": "2026-03-18",
        "next_review_due_on": "2027-03-18",
        "is_featured": False,
    },
    {
        "title": "Carpal tunnel release",
        "slug": "carpal-tunnel-release",
        "body_part": "hand-wrist",
        "other_names": "carpal tunnel decompression\ncarpal tunnel surgery",
        "specialist": "Orthopedic or hand surgeon",
        "summary": (
            "Carpal tunnel release relieves pressure on the median nerve where it passes "
            "through a narrow tunnel in the wrist. Pressure on this nerve can cause numbness, "
            "tingling, pain and weakness in the hand."
        ),
        "why_done": (
            "Mild carpal tunnel syndrome is often treated first with wrist splints, changes "
            "to activities or a steroid injection. Surgery may be considered if symptoms are "
            "severe, keep coming back, or if there are signs of lasting nerve damage such as "
            "muscle wasting or constant numbness."
        ),
        "description": (
            "The operation is usually done as a day case, often under local anaesthetic. The "
            "surgeon cuts the ligament that forms the roof of the tunnel, which makes more room "
            "for the nerve. This can be done through a small open cut in the palm or by keyhole "
            "surgery."
            "\n\n"
            "Tingling often improves quickly, but numbness and weakness can take longer to "
            "recover, and may not recover fully if the nerve was badly affected."
        ),
        "hospital_stay_min_days": 0,
        "hospital_stay_max_days": 1,
        "home_recovery_min_weeks": 2,
        "home_recovery_max_weeks": 6,
        "home_recovery_note": "depending on your work",
        "care_instructions": [
            "Keep your hand raised for the first few days to reduce swelling.",
            "Move your fingers gently and often, as you are shown.",
            "Keep the dressing clean and dry until you are told to remove it.",
            "Avoid heavy gripping and lifting until your surgeon says you can.",
        ],
        "restrictions": (
            "Light use of the hand is usually encouraged early. Heavy gripping, lifting and "
            "pressure on the palm are often limited for a few weeks; your surgeon will tell you "
            "when you can drive and return to work."
        ),
        "restriction_min_months": 1,
        "restriction_max_months": 3,
        "risks": (
            "Problems are uncommon but can include infection, a tender or thickened scar, "
            "ongoing pain in the palm, stiffness, nerve injury and symptoms that do not fully "
            "improve or come back."
        ),
        "medicines": "Prescription and non-prescription painkillers.",
        "warning_signs": [
            (
                "Pain in the hand or wrist increases.",
                "more pain, worse pain, severe pain, pain getting worse, throbbing",
            ),
            (
                "Redness, warmth, discharge or bleeding at the wound.",
                "redness, red, warm, hot, discharge, oozing, pus, leaking, bleeding, wound",
            ),
            (
                "Fever or other signs of infection.",
                "fever, temperature, chills, shivering, sweats, infection, infected",
            ),
            (
                "Your fingers become cold, pale or blue, or the numbness is worse than before.",
                "cold fingers, pale, blue, white fingers, worse numbness, can't feel",
            ),
        ],
        "sources": "",
        "reviewer_name": DEMO_REVIEWER,
        "reviewer_credentials": "",
        "last_reviewed_on": "2026-04-02",
        "next_review_due_on": "2027-04-02",
        "is_featured": False,
    },
    {
        "title": "Bunionectomy",
        "slug": "bunionectomy",
        "body_part": "foot-ankle",
        "other_names": "bunion surgery\nhallux valgus correction",
        "specialist": "Orthopedic or foot and ankle surgeon",
        "summary": (
            "A bunion is a bony bump at the base of the big toe, where the toe has drifted "
            "towards the other toes. A bunionectomy is an operation to correct the bunion and "
            "straighten the big toe."
        ),
        "why_done": (
            "Surgery may be considered when a bunion causes ongoing pain or makes it hard to "
            "walk or find shoes that fit, and changes such as wider shoes, padding or insoles "
            "have not helped enough. It is not usually advised for appearance alone."
        ),
        "description": (
            "There are many ways to correct a bunion. The surgeon may shave the bump, cut and "
            "realign the bone (an osteotomy) and adjust the soft tissues around the joint. "
            "Screws, pins or plates are often used to hold the bone while it heals. Which "
            "method is used depends on the size of the bunion and the shape of your foot; your "
            "surgeon will tell you."
        ),
        "hospital_stay_min_days": 0,
        "hospital_stay_max_days": 1,
        "home_recovery_min_weeks": 2,
        "home_recovery_max_weeks": 8,
        "home_recovery_note": "depending on your work",
        "care_instructions": [
            "Keep your foot raised as much as you can for the first two weeks.",
            "Wear the special shoe or boot you are given, as directed.",
            "Use crutches if you have been given them, for as long as you are told.",
            "Keep the dressing clean and dry until you are told to remove it.",
            "Do not drive until your surgeon says it is safe.",
        ],
        "restrictions": (
            "Swelling of the foot can last for several months. Running, jumping and narrow or "
            "high-heeled shoes are usually avoided for some months; your surgeon will tell you "
            "when you can return to them."
        ),
        "restriction_min_months": 3,
        "restriction_max_months": 6,
        "risks": (
            "Possible problems include infection, ongoing pain or stiffness in the big toe, "
            "numbness, slow healing of the bone, blood clots in the leg, and the bunion coming "
            "back. Some people later need the screws or plates removed."
        ),
        "medicines": (
            "Prescription and non-prescription painkillers. Some people are given medicine to "
            "reduce the risk of blood clots; your surgeon will tell you if you need it."
        ),
        "warning_signs": [
            (
                "Pain or swelling in the foot increases.",
                "more pain, worse pain, severe pain, more swelling, swollen, swelling",
            ),
            (
                "Redness, warmth, discharge or bleeding at the wound.",
                "redness, red, warm, hot, discharge, oozing, pus, leaking, bleeding, wound",
            ),
            (
                "Fever or other signs of infection.",
                "fever, temperature, chills, shivering, sweats, infection, infected",
            ),
            (
                "Your toes become cold, pale or blue.",
                "cold toes, pale, blue, white toes, numb toes, can't feel",
            ),
            (
                "Pain, swelling or tenderness in the calf.",
                "calf, calf pain, swollen calf, leg swelling, clot, dvt, tender calf",
            ),
        ],
        "sources": "",
        "reviewer_name": DEMO_REVIEWER,
        "reviewer_credentials": "",
        "last_reviewed_on": "2026-02-03",
        "next_review_due_on": "2027-02-03",
        "is_featured": False,
    },
    {
        "title": "Spinal fusion",
        "slug": "spinal-fusion",
        "body_part": "spine",
        "other_names": "spondylodesis\nvertebral fusion",
        "specialist": "Orthopedic spine surgeon or neurosurgeon",
        "summary": (
            "Spinal fusion joins two or more bones (vertebrae) of the spine so that they heal "
            "into a single solid bone. This stops movement between them."
        ),
        "why_done": (
            "It may be considered for some conditions that make part of the spine unstable or "
            "painful, such as a slipped vertebra, certain fractures, some curves of the spine, "
            "or after removing a disc. It is usually offered only after other treatments such "
            "as physiotherapy, painkillers and injections have been tried."
            "\n\n"
            "Fusion does not help every kind of back pain; your surgeon will tell you whether "
            "it is likely to help in your case."
        ),
        "description": (
            "The surgeon reaches the spine from the back, front or side. Bone graft, taken from "
            "your own body, a donor or a synthetic material, is placed between the vertebrae to "
            "help them grow together. Screws, rods or cages are often used to hold the spine "
            "still while the bone heals, which can take several months."
        ),
        "hospital_stay_min_days": 2,
        "hospital_stay_max_days": 5,
        "home_recovery_min_weeks": 6,
        "home_recovery_max_weeks": 12,
        "home_recovery_note": "depending on surgery",
        "care_instructions": [
            "Walk a little every day, and gradually increase how far you go.",
            "Follow the advice you are given about bending, lifting and twisting.",
            "Wear a back brace only if your surgeon has asked you to.",
            "Keep the wound clean and dry until it has healed.",
            "Do not smoke; smoking can stop the bones fusing.",
            "Do not drive until your surgeon says it is safe.",
        ],
        "restrictions": (
            "Avoid heavy lifting, bending and twisting until your surgeon says the fusion is "
            "healing well. Return to work and sport depends on the operation and your job; your "
            "surgeon will tell you."
        ),
        "restriction_min_months": 3,
        "restriction_max_months": 12,
        "risks": (
            "Possible problems include infection, bleeding, blood clots, nerve injury, leaking "
            "of spinal fluid and the bones not fusing. Some people continue to have pain, and "
            "extra strain on the levels next to the fusion can cause problems later."
        ),
        "medicines": (
            "Prescription and non-prescription painkillers. Some anti-inflammatory painkillers "
            "may be avoided for a time after fusion; your surgeon will tell you which to take."
        ),
        "warning_signs": [
            (
                "Back or leg pain increases or is not controlled by your painkillers.",
                "more pain, worse pain, severe pain, back pain, leg pain, sciatica",
            ),
            (
                "Redness, warmth, discharge or bleeding at the wound.",
                "redness, red, warm, hot, discharge, oozing, pus, leaking, bleeding, wound",
            ),
            (
                "Fever or other signs of infection.",
                "fever, temperature, chills, shivering, sweats, infection, infected",
            ),
            (
                "New numbness, tingling or weakness in the legs.",
                "numb, numbness, tingling, pins and needles, weak legs, weakness, leg gave way",
            ),
            (
                "Problems controlling your bladder or bowels, or numbness between the legs: "
                "seek emergency care.",
                "bladder, bowel, incontinence, can't pee, can't urinate, wet myself, "
                "saddle numbness, numb groin",
            ),
        ],
        "sources": "",
        "reviewer_name": DEMO_REVIEWER,
        "reviewer_credentials": "",
        "last_reviewed_on": "2026-03-30",
        "next_review_due_on": "2027-09-30",
        "is_featured": False,
    },
    {
        "title": "Cubital tunnel release",
        "slug": "cubital-tunnel-release",
        "body_part": "elbow",
        "other_names": "ulnar nerve decompression\nulnar nerve release",
        "specialist": "Orthopedic or hand surgeon",
        "summary": (
            "Cubital tunnel release relieves pressure on the ulnar nerve (the 'funny bone' "
            "nerve) where it passes behind the inside of the elbow. Pressure on this nerve can "
            "cause numbness and tingling in the ring and little fingers and weakness of the "
            "hand."
        ),
        "why_done": (
            "Mild symptoms are often treated first by avoiding long periods with the elbow bent "
            "or leaning on it, and sometimes with a night splint. Surgery may be considered if "
            "symptoms are severe, do not improve, or there are signs of nerve damage such as "
            "weakness or muscle wasting in the hand."
        ),
        "description": (
            "Through a cut on the inside of the elbow, the surgeon releases the tissue pressing "
            "on the nerve. Sometimes the nerve is also moved to the front of the elbow so that "
            "it is not stretched when the elbow bends. Which method is used depends on your "
            "elbow; your surgeon will tell you."
            "\n\n"
            "Recovery of feeling and strength can be slow, and may not be complete if the "
            "nerve was badly affected."
        ),
        "hospital_stay_min_days": 0,
        "hospital_stay_max_days": 1,
        "home_recovery_min_weeks": 2,
        "home_recovery_max_weeks": 6,
        "home_recovery_note": "depending on your work",
        "care_instructions": [
            "Keep your arm raised for the first few days to reduce swelling.",
            "Move your fingers, wrist and elbow as you are shown.",
            "Keep the dressing clean and dry until you are told to remove it.",
            "Avoid leaning on the elbow.",
        ],
        "restrictions": (
            "Heavy lifting and strenuous use of the arm are usually limited for several weeks; "
            "your surgeon will tell you when you can drive and return to work."
        ),
        "restriction_min_months": 1,
        "restriction_max_months": 3,
        "risks": (
            "Possible problems include infection, a tender scar, numbness of the skin near the "
            "scar, elbow stiffness, and symptoms that do not fully improve or come back."
        ),
        "medicines": "Prescription and non-prescription painkillers.",
        "warning_signs": [
            (
                "Pain in the elbow increases.",
                "more pain, worse pain, severe pain, pain getting worse, throbbing",
            ),
            (
                "Redness, warmth, discharge or bleeding at the wound.",
                "redness, red, warm, hot, discharge, oozing, pus, leaking, bleeding, wound",
            ),
            (
                "Fever or other signs of infection.",
                "fever, temperature, chills, shivering, sweats, infection, infected",
            ),
            (
                "Numbness or weakness in the hand is worse than before the operation.",
                "worse numbness, numb, weak hand, weakness, can't grip, dropping things",
            ),
        ],
        "sources": "",
        "reviewer_name": DEMO_REVIEWER,
        "reviewer_credentials": "",
        "last_reviewed_on": "2026-04-14",
        "next_review_due_on": "2028-04-14",
        "is_featured": False,
    },
]
