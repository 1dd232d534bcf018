import { createRouter, createWebHistory } from 'vue-router';
import { session } from './session.js';

// History URLs under /console/: the server answers index.html for every deep link (console.ConsoleWebConfig).
const router = createRouter({
  history: createWebHistory('/console/'),
  routes: [
    { path: '/login', name: 'login', component: () => import('./views/Login.vue'), meta: { title: '登录', public: true } },
    { path: '/password', name: 'password', component: () => import('./views/Password.vue'), meta: { title: '修改密码' } },
    { path: '/print/slot/:id', name: 'print-slot', component: () => import('./views/PrintSlot.vue'), meta: { title: '预约名单' } },
    {
      path: '/',
      component: () => import('./components/Shell.vue'),
      children: [
        { path: '', name: 'today', component: () => import('./views/Today.vue'), meta: { title: '今日' } },
        { path: 'dashboard', name: 'dashboard', component: () => import('./views/Dashboard.vue'), meta: { title: '数据看板' } },
        { path: 'stations', name: 'stations', component: () => import('./views/Stations.vue'), meta: { title: '驿站' } },
        { path: 'booking', name: 'booking', component: () => import('./views/Booking.vue'), meta: { title: '预约' } },
        { path: 'duty', name: 'duty', component: () => import('./views/Duty.vue'), meta: { title: '值班与党员' } },
        { path: 'orgs', name: 'orgs', component: () => import('./views/Orgs.vue'), meta: { title: '党组织与资源清单' } },
        { path: 'conversations', name: 'conversations', component: () => import('./views/Conversations.vue'), meta: { title: '居民咨询' } },
        { path: 'conversations/rules', name: 'rules', component: () => import('./views/Rules.vue'), meta: { title: '关键词规则' } },
        { path: 'accounts', name: 'accounts', component: () => import('./views/Accounts.vue'), meta: { title: '账号' } },
      ],
    },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

router.beforeEach((to) => {
  if (!to.meta.public && !session()) {
    return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  }
  // first sign-in: every staff API answers 403 PASSWORD_CHANGE_REQUIRED until the password is changed
  const s = session();
  if (s && s.passwordChangeRequired && to.name !== 'password' && !to.meta.public) {
    return { name: 'password', query: { redirect: to.fullPath } };
  }
  return true;
});

router.afterEach((to) => {
  document.title = `${to.meta.title || ''} · 红色驿站工作台`;
});

export default router;
