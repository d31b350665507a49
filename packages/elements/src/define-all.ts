/** Registers every QiangJi element (provider first, so widgets find it on upgrade). */
import './components/provider/define.js';
import './components/task-progress-card/define.js';
import './components/branch-rating-badge/define.js';
import './components/mediation-case-form/define.js';
import './components/member-service-map/define.js';
