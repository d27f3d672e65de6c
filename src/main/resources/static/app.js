// A small page over the REST API; the server checks every right, the page only shows.
const api = '/api/v1';
let auth = sessionStorage.getItem('auth');

const templates = {
  ScreenDisclosure: { decision: 'PURSUE', comment: '' },
  ReviewValuation: { decision: 'APPROVE', comment: '' },
  ReviseValuation: { royaltyRate: 3, taxRate: 25, discountRate: 15, comment: '' },
  DecideScreeningHit: { decision: 'CLEAR', reason: '' },
  PrepareTermSheet: { dealForm: 'NON_EXCLUSIVE_LICENCE', currency: 'USD', upfrontFee: '20000.00', royaltyRate: 3,
    minimumAnnualRoyalty: '5000.00', marEscalation: 3, fieldOfUse: 'All fields', territory: 'Worldwide',
    sublicenceShare: 25, reportingPeriod: 'QUARTERLY', termYears: 5, milestones: [] },
  ApproveTermSheet: { decision: 'APPROVE', comment: '' },
  ChasePayment: { comment: 'Reminder sent to the licensee' },
  ChaseRoyaltyPayment: { comment: 'Reminder sent to the licensee' },
  ChaseRoyaltyReport: { comment: 'Asked the licensee for its sales report' },
  AttendDocketDate: { action: 'MET', reference: '', note: '' },
  ReviewOwnership: { decision: 'CONFIRMED', comment: '' },
  ObtainExportApproval: { decision: 'GRANTED', reference: '', comment: '' },
  ObtainExportLicence: { decision: 'GRANTED', reference: '', comment: '' }
};

async function call(method, path, body) {
  const res = await fetch(api + path, {
    method,
    headers: { Authorization: 'Basic ' + auth, 'X-Requested-With': 'fetch', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) {
    // The problem's detail names every field and its reason.
    throw new Error(data ? data.detail || data.title : res.statusText);
  }
  return data;
}

const cell = v => { const td = document.createElement('td'); td.textContent = v ?? ''; return td; };
const when = iso => iso ? new Date(iso).toLocaleString() : '';

async function loadTasks() {
  const body = document.querySelector('#tasks tbody');
  body.replaceChildren();
  let tasks;
  try { tasks = await call('GET', '/tasks'); } catch (e) { document.getElementById('tasks-card').hidden = true; return; }
  document.getElementById('tasks-card').hidden = false;
  for (const t of tasks) {
    const tr = document.createElement('tr');
    tr.append(cell(t.name), cell(t.dealId.slice(0, 8)), cell(t.candidateGroup), cell(t.assignee), cell(when(t.dueAt)));
    const actions = document.createElement('td');
    const claim = document.createElement('button');
    claim.textContent = t.assignee ? 'Unclaim' : 'Claim';
    claim.onclick = () => call('POST', `/tasks/${t.id}/${t.assignee ? 'unclaim' : 'claim'}`).then(loadTasks).catch(alert);
    const done = document.createElement('button');
    done.textContent = 'Complete…';
    done.onclick = () => openComplete(t);
    const open = document.createElement('button');
    open.textContent = 'Deal';
    open.onclick = () => showDeal(t.dealId);
    actions.append(claim, ' ', done, ' ', open);
    tr.append(actions);
    body.append(tr);
  }
}

async function loadDeals() {
  const body = document.querySelector('#deals tbody');
  body.replaceChildren();
  for (const d of await call('GET', '/deals')) {
    const tr = document.createElement('tr');
    tr.className = 'clickable';
    tr.tabIndex = 0;
    tr.onclick = tr.onkeydown = e => { if (!e.key || e.key === 'Enter') showDeal(d.id); };
    tr.append(cell(d.reference), cell(d.title), cell(d.centre), cell(d.stage), cell(d.outcome));
    body.append(tr);
  }
}

async function showDeal(id) {
  const d = await call('GET', `/deals/${id}`);
  document.getElementById('deal').hidden = false;
  document.getElementById('deal-title').textContent = `${d.reference} — ${d.title}`;
  document.getElementById('deal-facts').textContent =
    `${d.ownerInstitution} (${d.ownerCountry}) → ${d.targetCountry}; stage ${d.stage}` + (d.outcome ? `, outcome ${d.outcome}` : '');
  const ledger = document.querySelector('#ledger tbody');
  ledger.replaceChildren();
  for (const p of await call('GET', `/deals/${id}/ledger`)) {
    for (const l of p.lines) {
      const tr = document.createElement('tr');
      tr.append(cell(p.milestone), cell(l.beneficiary), cell(`${l.amount} ${l.currency}`), cell(l.basis));
      ledger.append(tr);
    }
  }
  const history = document.getElementById('history');
  history.replaceChildren();
  for (const e of await call('GET', `/deals/${id}/history`)) {
    const li = document.createElement('li');
    li.textContent = `${when(e.occurredAt)} — ${e.actor}: ${e.summary}`;
    history.append(li);
  }
  document.getElementById('deal').scrollIntoView();
}

function openComplete(task) {
  const dialog = document.getElementById('complete');
  const form = document.getElementById('complete-form');
  document.getElementById('complete-title').textContent = task.name;
  document.getElementById('complete-error').textContent = '';
  form.form.value = JSON.stringify(templates[task.type] || {}, null, 2);
  form.onsubmit = async e => {
    if (e.submitter && e.submitter.value === 'cancel') return;
    e.preventDefault();
    try {
      await call('POST', `/tasks/${task.id}/complete`, JSON.parse(form.form.value));
      dialog.close();
      await refresh();
    } catch (err) {
      document.getElementById('complete-error').textContent = err.message;
    }
  };
  dialog.showModal();
}

async function refresh() {
  await Promise.all([loadTasks(), loadDeals()]);
}

async function start() {
  const signedIn = !!auth;
  document.getElementById('signin').hidden = signedIn;
  document.getElementById('desk').hidden = !signedIn;
  document.getElementById('signout').hidden = !signedIn;
  document.getElementById('who').textContent = signedIn ? atob(auth).split(':')[0] : '';
  if (signedIn) await refresh();
}

document.getElementById('signin').onsubmit = async e => {
  e.preventDefault();
  const f = e.target;
  auth = btoa(`${f.user.value}:${f.password.value}`);
  try {
    await call('GET', '/deals');
    sessionStorage.setItem('auth', auth);
    await start();
  } catch (err) {
    auth = null;
    document.getElementById('signin-error').textContent = 'Sign-in failed.';
  }
};
document.getElementById('signout').onclick = () => { sessionStorage.removeItem('auth'); auth = null; start(); };
document.getElementById('refresh').onclick = refresh;
start().catch(e => alert(e.message));
